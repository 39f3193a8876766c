export * from './core/loonheffing.ts';
export * from './core/loonstrook.ts';
export * from './core/minimumloon.ts';
export * from './core/afspraak.ts';
export * from './core/loonrun.ts';
export { hasPayrollParameters, parametersFor } from './core/parameters.ts';
export { recordPayrollChoice, type RecordChoiceInput } from './use-cases/record-choice.ts';
export { runPayroll, BELASTINGDIENST, type PayrollRunOptions, type PayrollRunResult, type PayrollStrook } from './use-cases/run-payroll.ts';
export { loonstrookDocument, loonstrookPdf, loonstrookOwner, listLoonstroken, jaaropgave, jaaropgavePdf, loonoverzicht, type LoonstrookDocument, type LoonstrookRegel, type Jaaropgave } from './use-cases/documents.ts';
