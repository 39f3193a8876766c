/**
 * `pgb overzicht --bsn … --kwartaal 2026-Q3 --uit overzicht.pdf`: the quarterly budget statement
 * of one holder as a PDF for paper and for a screen reader: a tagged PDF (src/kernel/pdf.ts: PDF
 * 1.7, a structure tree of headings, paragraphs and tables with header cells, nl-NL, the title
 * shown). Numbers sit in table cells, never in pictures.
 *
 * The statement names the holder by client number, never by BSN.
 */
import type { Queryable } from '../../../db/connection.ts';
import { dateInNetherlands, type PlainDate } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { formatEurosNl } from '../../../kernel/money.ts';
import { bold, taggedPdf } from '../../../kernel/pdf.ts';
import { lawName } from '../core/labels.ts';
import { dateName, monthName, parseQuarter } from '../core/periods.ts';
import { composeStatement, type StatementLaw } from '../core/statement.ts';
import { statementFacts, statementHolder, type StatementHolder } from '../queries.ts';

export interface BudgetStatement {
  holder: StatementHolder;
  kwartaal: string;
  van: PlainDate;
  tot: PlainDate;
  gemaakt_op: PlainDate;
  wetten: StatementLaw[];
}

export async function budgetStatement(db: Queryable, opts: { holder: { bsn: string } | { id: number }; kwartaal: string; now?: Date }): Promise<BudgetStatement> {
  const q = parseQuarter(opts.kwartaal);
  if (!q) throw new AppError('INVOER_ONGELDIG', `--kwartaal '${opts.kwartaal}' is geen kwartaal (JJJJ-Qn, bijvoorbeeld 2026-Q3)`);
  const holder = await statementHolder(db, opts.holder);
  if (!holder) throw new AppError('NIET_GEVONDEN', 'geen budgethouder met dit BSN of id');
  const facts = await statementFacts(db, holder, q.van, q.tot);
  return { holder, kwartaal: q.kwartaal, van: q.van, tot: q.tot, gemaakt_op: dateInNetherlands(opts.now ?? new Date()), wetten: composeStatement({ maanden: q.maanden, ...facts }) };
}

const eur = (c: number) => formatEurosNl(c);

/** The statement as a tagged PDF. */
export async function budgetStatementPdf(s: BudgetStatement): Promise<Buffer> {
  const p = await taggedPdf({
    title: `Kwartaaloverzicht pgb ${s.kwartaal} – cliënt ${s.holder.clientnummer}`,
    subject: `Budgetoverzicht ${s.kwartaal}`,
    author: 'PGB-platform',
    keywords: 'pgb, trekkingsrecht, budget, kwartaaloverzicht',
    created: s.gemaakt_op,
    style: { body: 11, headings: { H1: 18, H2: 14, H3: 12 }, table: { padding: 4, fontSize: 10 }, afterTable: 0.8 },
  });
  const { doc, root, text, heading, table } = p;

  heading(root, 'H1', 'Kwartaaloverzicht persoonsgebonden budget');
  doc.moveDown(0.1);
  text(root, 'P', `${s.holder.naam}, cliëntnummer ${s.holder.clientnummer}`);
  text(root, 'P', `Periode: ${dateName(s.van)} tot en met ${dateName(s.tot)}. Gemaakt op ${dateName(s.gemaakt_op)}.`);
  doc.moveDown(0.6);
  text(root, 'P', 'Dit overzicht laat per wet zien wat u is toegekend, wat er in dit kwartaal aan zorg is betaald uit uw budget en uit uw eigen stortingen, per maand en per zorgverlener, en wat er aan het eind van het kwartaal nog over is. Zorg telt in de maand waarin zij werd gegeven.', { align: 'left' });
  doc.moveDown(0.6);

  if (s.wetten.length === 0) text(root, 'P', 'U had in dit kwartaal geen budget en er is geen zorg gedeclareerd.');
  for (const w of s.wetten) {
    const sect = p.section(lawName(w.wet));
    heading(sect, 'H2', lawName(w.wet));
    text(sect, 'P', `Verstrekker: ${w.verstrekkers.join(', ') || 'geen toekenning in dit kwartaal'}.`);
    doc.moveDown(0.3);
    table(
      sect,
      ['Samenvatting', 'Bedrag'],
      [
        ['Toegekend', eur(w.toegekend)],
        ['Besteed vóór dit kwartaal', eur(w.besteed_eerder)],
        ['Besteed in dit kwartaal uit het budget', eur(w.besteed_kwartaal)],
        ['Betaald uit uw eigen stortingen', eur(w.eigen_storting_besteed)],
        ['Uw eigen stortingen in dit kwartaal', eur(w.gestort)],
        ['Over aan het eind van het kwartaal', eur(w.resterend)],
      ],
      ['*', 140],
    );
    heading(sect, 'H3', 'Besteed per maand');
    table(
      sect,
      ['Maand', 'Uit budget', 'Uit eigen storting', 'Totaal'],
      [
        ...w.maanden.map((m) => [monthName(m.maand), eur(m.uit_budget), eur(m.uit_eigen_storting), eur(m.uit_budget + m.uit_eigen_storting)]),
        ['Kwartaal', eur(w.besteed_kwartaal), eur(w.eigen_storting_besteed), eur(w.besteed_kwartaal + w.eigen_storting_besteed)].map(bold),
      ],
      ['*', 100, 110, 100],
    );
    heading(sect, 'H3', 'Besteed per zorgverlener');
    if (w.per_zorgverlener.length === 0) {
      text(sect, 'P', 'Geen zorg betaald in dit kwartaal.');
      doc.moveDown(0.6);
    } else table(sect, ['Zorgverlener', 'Bedrag'], w.per_zorgverlener.map((x) => [x.zorgverlener, eur(x.bedrag)]), ['*', 140]);
  }

  p.small(() => text(root, 'P', 'Bedragen in euro. Besteed is wat goedgekeurde declaraties ten laste van het budget brachten, ook als de betaling aan de zorgverlener nog onderweg is. Vragen over een toekenning stelt u aan uw gemeente of zorgkantoor; uw declaraties en hun stand ziet u in Mijn PGB.'));
  return p.end();
}
