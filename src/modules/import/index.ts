export { runImport, importObjects, type ImportHandler, type ImportSummary } from './run-import.ts';
