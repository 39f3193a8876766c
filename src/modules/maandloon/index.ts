export { runMonthlyPay, type MonthlyPayResult } from './use-cases/run-monthly-pay.ts';
export { monthlyPayment, monthlyPaymentId } from './core/monthly.ts';
