/**
 * Monthly pay (*maandloners*): each month every approved agreement with a fixed monthly amount
 * gets one payment, as a claim of kind `maandloon` with id `mnd:<agreement>:<YYYY-MM>`, checked and
 * booked like any claim. A month the agreement covers only partly is paid pro rata by calendar
 * days (rounded to cents); the line's date is the first day of the month the agreement covers.
 */
import { daysInMonth, maxDate, minDate, toEpochDay, type PlainDate } from '../../../kernel/dates.ts';
import { divRound, type Cents } from '../../../kernel/money.ts';

export interface MonthlyAgreement {
  id: string;
  bsn: string;
  zorgverlenerId: string;
  ingangsdatum: PlainDate;
  einddatum: PlainDate | null;
  maandbedrag: Cents;
}

export interface MonthlyPayment {
  declaratieId: string;
  agreementId: string;
  bsn: string;
  zorgverlenerId: string;
  datum: PlainDate;
  bedrag: Cents;
  dagen: number;
}

export function monthlyPaymentId(agreementId: string, month: string): string {
  return `mnd:${agreementId}:${month}`;
}

export function monthlyPayment(a: MonthlyAgreement, month: { first: PlainDate; last: PlainDate }): MonthlyPayment | undefined {
  const from = maxDate(a.ingangsdatum, month.first);
  const to = a.einddatum === null ? month.last : minDate(a.einddatum, month.last);
  if (from > to) return undefined;
  const days = toEpochDay(to) - toEpochDay(from) + 1;
  const inMonth = daysInMonth(Number(month.first.slice(0, 4)), Number(month.first.slice(5, 7)));
  const bedrag = (days === inMonth ? a.maandbedrag : divRound(a.maandbedrag * days, inMonth)) as Cents;
  return {
    declaratieId: monthlyPaymentId(a.id, month.first.slice(0, 7)),
    agreementId: a.id,
    bsn: a.bsn,
    zorgverlenerId: a.zorgverlenerId,
    datum: from,
    bedrag,
    dagen: days,
  };
}
