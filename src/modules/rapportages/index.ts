export { runReport, reportList, defaultPeriod, isReportName, REPORT_NAMES, REPORTS, type ReportName, type ReportParams } from './use-cases/reports.ts';
export { renderReport, renderSvg, toCsv, toJson, toXlsx, toHtml, FORMATS, CONTENT_TYPES, type Format } from './render/output.ts';
export type { ReportTable, Column, Row, ChartOption } from './core/table.ts';
export { parseQuarter, isoWeek, weeksCovering, monthsCovering, percent } from './core/periods.ts';
export { budgetStatement, budgetStatementPdf, type BudgetStatement } from './use-cases/budget-statement-pdf.ts';
export { drawAuditSample, sampleCsv, sampleJson, type AuditSample, type SampleItem } from './use-cases/audit-sample.ts';
