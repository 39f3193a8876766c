export { readBankStatement, type StatementResult } from './use-cases/read-statement.ts';
export { openItems } from './repo.ts';
export { parseCamt053 } from './core/camt053.ts';
export { buildCamt053, type CamtWriterInput } from './core/camt053-writer.ts';
