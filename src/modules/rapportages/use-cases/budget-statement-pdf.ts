/**
 * `pgb overzicht --bsn … --kwartaal 2026-Q3 --uit overzicht.pdf`: the quarterly budget statement
 * of one holder as a PDF for paper and for a screen reader: a tagged PDF (PDF 1.7, `Marked`, a
 * structure tree of headings, paragraphs and tables with header cells), document language nl-NL,
 * the title shown in the viewer's title bar. Numbers sit in table cells, never in pictures.
 *
 * The statement names the holder by client number, never by BSN.
 */
import type { Queryable } from '../../../db/connection.ts';
import { dateInNetherlands, type PlainDate } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { formatEurosNl } from '../../../kernel/money.ts';
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
  const { default: PDFDocument } = await import('pdfkit');
  const title = `Kwartaaloverzicht pgb ${s.kwartaal} – cliënt ${s.holder.clientnummer}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: title, Author: 'PGB-platform', Subject: `Budgetoverzicht ${s.kwartaal}`, Keywords: 'pgb, trekkingsrecht, budget, kwartaaloverzicht', CreationDate: new Date(`${s.gemaakt_op}T12:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const text = (parent: PDFKit.PDFStructureElement, type: string, t: string, opts: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(`${t} `, { ...opts, structParent: parent, structType: type });
  const table = (parent: PDFKit.PDFStructureElement, header: string[], rows: string[][], widths: (number | string)[]) => {
    // header cells are TH with column scope, so a screen reader reads each number with its heading
    doc.table({
      structParent: parent,
      columnStyles: widths.map((w, i) => ({ width: w, align: i === 0 ? 'left' : 'right' })),
      defaultStyle: { padding: 4, border: 0.5, borderColor: '#999999', fontSize: 10 },
      data: [header.map((h) => ({ text: h, type: 'TH', scope: 'column', backgroundColor: '#e8eef4', font: { src: 'Helvetica-Bold' } })), ...rows],
    } as unknown as PDFKit.Mixins.TableOptionsWithData);
    doc.moveDown(0.8);
  };

  doc.font('Helvetica-Bold').fontSize(18);
  text(root, 'H1', 'Kwartaaloverzicht persoonsgebonden budget');
  doc.font('Helvetica').fontSize(11).moveDown(0.3);
  text(root, 'P', `${s.holder.naam}, cliëntnummer ${s.holder.clientnummer}`);
  text(root, 'P', `Periode: ${dateName(s.van)} tot en met ${dateName(s.tot)}. Gemaakt op ${dateName(s.gemaakt_op)}.`);
  doc.moveDown(0.6);
  text(root, 'P', 'Dit overzicht laat per wet zien wat u is toegekend, wat er in dit kwartaal aan zorg is betaald uit uw budget en uit uw eigen stortingen, per maand en per zorgverlener, en wat er aan het eind van het kwartaal nog over is. Zorg telt in de maand waarin zij werd gegeven.', { align: 'left' });
  doc.moveDown(0.6);

  if (s.wetten.length === 0) text(root, 'P', 'U had in dit kwartaal geen budget en er is geen zorg gedeclareerd.');
  for (const w of s.wetten) {
    const sect = doc.struct('Sect', { title: lawName(w.wet) });
    root.add(sect);
    doc.font('Helvetica-Bold').fontSize(14);
    text(sect, 'H2', lawName(w.wet));
    doc.font('Helvetica').fontSize(11).moveDown(0.2);
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
    doc.font('Helvetica-Bold').fontSize(12);
    text(sect, 'H3', 'Besteed per maand');
    doc.font('Helvetica').fontSize(11).moveDown(0.2);
    table(
      sect,
      ['Maand', 'Uit budget', 'Uit eigen storting', 'Totaal'],
      [
        ...w.maanden.map((m) => [monthName(m.maand), eur(m.uit_budget), eur(m.uit_eigen_storting), eur(m.uit_budget + m.uit_eigen_storting)]),
        ['Kwartaal', eur(w.besteed_kwartaal), eur(w.eigen_storting_besteed), eur(w.besteed_kwartaal + w.eigen_storting_besteed)],
      ],
      ['*', 100, 110, 100],
    );
    doc.font('Helvetica-Bold').fontSize(12);
    text(sect, 'H3', 'Besteed per zorgverlener');
    doc.font('Helvetica').fontSize(11).moveDown(0.2);
    if (w.per_zorgverlener.length === 0) {
      text(sect, 'P', 'Geen zorg betaald in dit kwartaal.');
      doc.moveDown(0.6);
    } else table(sect, ['Zorgverlener', 'Bedrag'], w.per_zorgverlener.map((p) => [p.zorgverlener, eur(p.bedrag)]), ['*', 140]);
  }

  doc.fontSize(9).fillColor('#333333');
  text(root, 'P', 'Bedragen in euro. Besteed is wat goedgekeurde declaraties ten laste van het budget brachten, ook als de betaling aan de zorgverlener nog onderweg is. Vragen over een toekenning stelt u aan uw gemeente of zorgkantoor; uw declaraties en hun stand ziet u in Mijn PGB.');
  doc.end();
  return done;
}
