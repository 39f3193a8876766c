export { exportCsv, EXPORTS, type ExportName } from './exports.ts';
