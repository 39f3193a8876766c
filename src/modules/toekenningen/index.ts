export { toekenningenImport } from './imports.ts';
