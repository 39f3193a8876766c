/**
 * The payroll's documents:
 * - `loonstrookDocument` / `loonstrookPdf`: the payslip of one agreement, month and version; a
 *   correction version shows the previous figures, the difference and how it was settled;
 * - `jaaropgave` / `jaaropgavePdf`: the annual statement of a carer with one employer (holder);
 * - `loonoverzicht`: the payroll summary of a period (per payslip and in total), the basis of the
 *   wage-tax return, as a report table (CSV, Excel, HTML, JSON through the report renderer).
 * The PDFs are tagged (structure tree, headings, tables with header cells, nl-NL, title shown) like
 * the quarterly statement, for screen readers. They name the holder by client number, never a BSN.
 */
import type { Queryable } from '../../../db/connection.ts';
import { dateInNetherlands, dateNameNl, monthNameNl, parseMonth, type PlainDate } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { formatEurosNl } from '../../../kernel/money.ts';
import { bold, taggedPdf, type Cell, type PdfStyle, type StructureElement, type TaggedPdf } from '../../../kernel/pdf.ts';
import type { ReportTable } from '../../rapportages/index.ts';
import type { Loonstrook } from '../core/loonstrook.ts';
import type { PayrollStrook } from './run-payroll.ts';

export interface LoonstrookDocument {
  loonstrook_id: string;
  loonrun_id: string;
  zorgovereenkomst_id: string;
  periode: string;
  versie: number;
  gemaakt_op: PlainDate;
  werkgever: { budgethouder_id: number; naam: string; clientnummer: number };
  werknemer: { zorgverlener_id: string; naam: string; geboortedatum: string | null };
  afspraak: { dagen_per_week: number; heffingskorting: boolean; vast_contract: boolean } | null;
  uitkomst: Loonstrook;
  vorige: { versie: number; brutoloon: number; loonheffing: number; nettoloon: number; werkgeverspremies: number } | null;
  verschil: { brutoloon: number; loonheffing: number; werkgeverspremies: number };
  /** Claims this version took in, and what was withheld from each. */
  betaling: { declaratie_id: string; bruto: number; ingehouden: number; te_betalen: number }[];
}

/** A row of `loonstroken`: the figures of a payslip as the payroll run made it, with whom and what it concerns. */
interface StrookRow extends PayrollStrook {
  loonrun_id: string;
  budgethouder_id: number;
  zorgverlener_id: string;
  uitkomst: Loonstrook | string;
  op: Date;
}

const parse = (u: Loonstrook | string): Loonstrook => (typeof u === 'string' ? (JSON.parse(u) as Loonstrook) : u);

/** Who may see a payslip: its employer (holder) and its carer. */
export async function loonstrookOwner(db: Queryable, loonstrookId: string): Promise<{ budgethouder_id: number; zorgverlener_id: string } | undefined> {
  const r = await db.query<{ budgethouder_id: number; zorgverlener_id: string }>(`SELECT budgethouder_id, zorgverlener_id FROM loonstroken WHERE loonstrook_id = $1`, [loonstrookId]);
  return r.rows[0];
}

export async function loonstrookDocument(db: Queryable, loonstrookId: string): Promise<LoonstrookDocument> {
  const r = await db.query<StrookRow>(`SELECT * FROM loonstroken WHERE loonstrook_id = $1`, [loonstrookId]);
  const s = r.rows[0];
  if (!s) throw new AppError('NIET_GEVONDEN', `loonstrook '${loonstrookId}' bestaat niet`);
  const who = await db.query<{ hnaam: string; clientnummer: number; znaam: string; geboortedatum: string | null }>(
    `SELECT h.naam AS hnaam, h.clientnummer, z.naam AS znaam, to_char(z.geboortedatum, 'YYYY-MM-DD') AS geboortedatum
       FROM budgethouders h, zorgverleners z WHERE h.id = $1 AND z.zorgverlener_id = $2`,
    [s.budgethouder_id, s.zorgverlener_id],
  );
  const w = who.rows[0]!;
  const afspraak = await db.query<{ dagen_per_week: number; heffingskorting: boolean; vast_contract: boolean }>(
    `SELECT dagen_per_week, heffingskorting, vast_contract FROM loonafspraken WHERE zorgovereenkomst_id = $1`,
    [s.zorgovereenkomst_id],
  );
  const vorige = await db.query<{ versie: number; brutoloon: number; loonheffing: number; nettoloon: number; werkgeverspremies: number }>(
    `SELECT versie, brutoloon, loonheffing, nettoloon, werkgeverspremies FROM loonstroken WHERE zorgovereenkomst_id = $1 AND periode = $2 AND versie = $3`,
    [s.zorgovereenkomst_id, s.periode, s.versie - 1],
  );
  const betaling = await db.query<{ declaratie_id: string; bruto: number; ingehouden: number }>(
    `SELECT declaratie_id, bruto, ingehouden FROM loonstrook_declaraties WHERE loonstrook_id = $1 ORDER BY declaratie_id`,
    [loonstrookId],
  );
  return {
    loonstrook_id: s.loonstrook_id,
    loonrun_id: s.loonrun_id,
    zorgovereenkomst_id: s.zorgovereenkomst_id,
    periode: s.periode,
    versie: s.versie,
    gemaakt_op: dateInNetherlands(new Date(s.op)),
    werkgever: { budgethouder_id: s.budgethouder_id, naam: w.hnaam, clientnummer: w.clientnummer },
    werknemer: { zorgverlener_id: s.zorgverlener_id, naam: w.znaam, geboortedatum: w.geboortedatum },
    afspraak: afspraak.rows[0] ?? null,
    uitkomst: parse(s.uitkomst),
    vorige: vorige.rows[0] ?? null,
    verschil: { brutoloon: s.verschil_bruto, loonheffing: s.verschil_loonheffing, werkgeverspremies: s.verschil_premies },
    betaling: betaling.rows.map((b) => ({ ...b, te_betalen: b.bruto - b.ingehouden })),
  };
}

/** One payslip in a list: its figures, who it concerns (names, the holder's client number), and for a correction its differences. */
/** One payslip in a list: its figures (for a correction also its differences) and who it concerns, by name and client number. */
export interface LoonstrookRegel extends PayrollStrook {
  zorgverlener_id: string;
  zorgverlener_naam: string;
  budgethouder_id: number;
  budgethouder_naam: string;
  clientnummer: number;
}

/** Payslips (latest first) that a holder, a carer or the back office may list. */
export async function listLoonstroken(db: Queryable, filter: { budgethouderId?: number; zorgverlenerId?: string; periode?: string }): Promise<LoonstrookRegel[]> {
  const r = await db.query<LoonstrookRegel>(
    `SELECT l.loonstrook_id, l.zorgovereenkomst_id, l.zorgverlener_id, z.naam AS zorgverlener_naam, l.budgethouder_id, h.naam AS budgethouder_naam, h.clientnummer,
            l.periode, l.versie, l.brutoloon, l.loonheffing, l.nettoloon, l.werkgeverspremies, l.verschil_bruto, l.verschil_loonheffing, l.verschil_premies
       FROM loonstroken l JOIN zorgverleners z ON z.zorgverlener_id = l.zorgverlener_id JOIN budgethouders h ON h.id = l.budgethouder_id
      WHERE ($1::bigint IS NULL OR l.budgethouder_id = $1) AND ($2::text IS NULL OR l.zorgverlener_id = $2) AND ($3::text IS NULL OR l.periode = $3)
      ORDER BY l.periode DESC, l.zorgovereenkomst_id, l.versie DESC LIMIT 1000`,
    [filter.budgethouderId ?? null, filter.zorgverlenerId ?? null, filter.periode ?? null],
  );
  return r.rows;
}

const eur = (c: number) => formatEurosNl(c);
const signed = (c: number) => (c > 0 ? `+${eur(c)}` : eur(c));
/** Payslip lines that are totals (in bold). */
const TOTAAL = new Set(['bruto', 'loonheffing', 'netto', 'werkgeverslasten', 'afdracht']);

/** The look of the payroll's documents (a payslip holds many lines: a little smaller than the quarterly statement). */
const STIJL: PdfStyle = { body: 10.5, headings: { H1: 18, H2: 13, H3: 11.5 }, table: { padding: 3, fontSize: 9.5 }, afterTable: 0.7 };

const loonPdf = (title: string, subject: string, created: PlainDate) =>
  taggedPdf({ title, subject, created, author: 'PGB-platform, salarisadministratie', keywords: 'pgb, loonadministratie, loonstrook, jaaropgave', style: STIJL });

function footnotes(p: TaggedPdf, parent: StructureElement, notes: readonly string[]) {
  if (notes.length === 0) return;
  p.doc.moveDown(0.5);
  p.heading(parent, 'H3', 'Toelichting');
  p.small(() => notes.forEach((n, i) => p.text(parent, 'P', `${i + 1}. ${n}`)));
}

export async function loonstrookPdf(s: LoonstrookDocument): Promise<Buffer> {
  const u = s.uitkomst;
  const correctie = s.versie > 1;
  const title = `Loonstrook ${monthNameNl(s.periode)}${correctie ? ` (correctie, versie ${s.versie})` : ''} – ${s.werknemer.naam}`;
  const p = await loonPdf(title, `Loonstrook ${monthNameNl(s.periode)}`, s.gemaakt_op);
  p.heading(p.root, 'H1', `Loonstrook ${monthNameNl(s.periode)}${correctie ? ` – correctie (versie ${s.versie})` : ''}`);
  p.text(p.root, 'P', `Werknemer: ${s.werknemer.naam} (zorgverlener ${s.werknemer.zorgverlener_id}${s.werknemer.geboortedatum ? `, geboren ${dateNameNl(s.werknemer.geboortedatum as PlainDate)}` : ''}).`);
  p.text(p.root, 'P', `Werkgever: ${s.werkgever.naam}, budgethouder met cliëntnummer ${s.werkgever.clientnummer}. De salarisadministratie wordt namens de werkgever gevoerd door de uitvoerder van het pgb.`);
  if (s.afspraak) {
    p.text(p.root, 'P', `Arbeidsovereenkomst ${s.zorgovereenkomst_id}: ${s.afspraak.dagen_per_week} ${s.afspraak.dagen_per_week === 1 ? 'dag' : 'dagen'} per week, ${s.afspraak.vast_contract ? 'schriftelijk contract voor onbepaalde tijd' : 'flexibel of tijdelijk contract'}, loonheffingskorting ${s.afspraak.heffingskorting ? 'wel' : 'niet'} toegepast.`);
  }
  p.text(p.root, 'P', `Loonstrook ${s.loonstrook_id}, gemaakt op ${dateNameNl(s.gemaakt_op)} (loonrun ${s.loonrun_id}).`);
  p.doc.moveDown(0.5);

  const loon = p.section('Loon');
  p.heading(loon, 'H2', 'Loon');
  // withheld amounts with a minus (a hyphen: the standard font has no minus sign); the totals in bold
  const rij = (r: Loonstrook['regels'][number]): Cell[] => {
    const cells = [r.soort === 'informatief' ? `    ${r.omschrijving}` : r.omschrijving, r.soort === 'inhouding' ? `- ${eur(r.bedrag)}` : eur(r.bedrag)];
    return TOTAAL.has(r.code) ? cells.map(bold) : cells;
  };
  p.table(loon, ['Omschrijving', 'Bedrag'], u.regels.filter((r) => ['bruto', 'informatief', 'inhouding', 'netto'].includes(r.soort)).map(rij), ['*', 110]);

  const werkgever = p.section('Werkgeverslasten');
  p.heading(werkgever, 'H2', 'Werkgeverslasten (ten laste van het budget, niet van uw loon)');
  p.table(werkgever, ['Omschrijving', 'Bedrag'], u.regels.filter((r) => r.soort === 'werkgever' || r.soort === 'afdracht').map(rij), ['*', 110]);

  if (correctie && s.vorige) {
    const c = p.section('Correctie');
    p.heading(c, 'H2', `Correctie van ${monthNameNl(s.periode)}`);
    p.text(c, 'P', `Deze maand is opnieuw berekend, omdat er later zorg over ${monthNameNl(s.periode)} is gedeclareerd of omdat de regels of uw keuzes met terugwerkende kracht zijn gewijzigd. Hieronder de vorige versie, deze versie en het verschil.`);
    p.table(
      c,
      ['', `Versie ${s.vorige.versie}`, `Versie ${s.versie}`, 'Verschil'],
      [
        ['Brutoloon', eur(s.vorige.brutoloon), eur(u.brutoloon), signed(s.verschil.brutoloon)],
        ['Loonheffing', eur(s.vorige.loonheffing), eur(u.loonheffing), signed(s.verschil.loonheffing)],
        ['Nettoloon', eur(s.vorige.nettoloon), eur(u.nettoloon), signed(u.nettoloon - s.vorige.nettoloon)],
        ['Werkgeverspremies', eur(s.vorige.werkgeverspremies), eur(u.werkgeverspremies), signed(s.verschil.werkgeverspremies)],
      ],
      ['*', 90, 90, 90],
    );
  }

  const bet = p.section('Betaling');
  p.heading(bet, 'H2', 'Betaling');
  if (s.betaling.length === 0) {
    p.text(bet, 'P', 'Met deze loonstrook zijn geen nieuwe declaraties verwerkt; een verschil in loonheffing wordt verrekend met de volgende betaling.');
  } else {
    const tot = s.betaling.reduce((a, b) => ({ bruto: a.bruto + b.bruto, ingehouden: a.ingehouden + b.ingehouden }), { bruto: 0, ingehouden: 0 });
    p.text(bet, 'P', 'Verwerkt met deze loonstrook (het bedrag wordt in de eerstvolgende betaalrun overgemaakt):');
    p.table(
      bet,
      ['Declaratie', 'Bruto', 'Ingehouden loonheffing', 'Uit te betalen'],
      [...s.betaling.map((b) => [b.declaratie_id, eur(b.bruto), eur(b.ingehouden), eur(b.te_betalen)]), ['Totaal', eur(tot.bruto), eur(tot.ingehouden), eur(tot.bruto - tot.ingehouden)].map(bold)],
      ['*', 90, 120, 100],
    );
    if (tot.ingehouden !== s.verschil.loonheffing) {
      p.text(bet, 'P', `De ingehouden loonheffing (${eur(tot.ingehouden)}) wijkt af van de loonheffing van deze ${correctie ? 'correctie' : 'loonstrook'} (${eur(s.verschil.loonheffing)}): het verschil is een verrekening met een correctie van een andere maand, of wordt verrekend met een volgende betaling.`);
    }
  }
  if (u.waarschuwingen.length > 0) {
    const w = p.section('Waarschuwingen');
    p.heading(w, 'H2', 'Let op');
    for (const x of u.waarschuwingen) p.text(w, 'P', x);
  }
  footnotes(p, p.root, u.voetnoten);
  return p.end();
}

export interface Jaaropgave {
  jaar: number;
  gemaakt_op: PlainDate;
  werkgever: { budgethouder_id: number; naam: string; clientnummer: number };
  werknemer: { zorgverlener_id: string; naam: string; geboortedatum: string | null };
  zorgovereenkomsten: string[];
  heffingskorting: boolean;
  maanden: { periode: string; versie: number; brutoloon: number; loonheffing: number; nettoloon: number; zvwLoon: number; zvw: number; werkgeverspremies: number }[];
  totaal: { brutoloon: number; loonheffing: number; nettoloon: number; zvwLoon: number; zvw: number; werkgeverspremies: number };
  voetnoten: string[];
}

/** The annual statement of a carer with one employer: the latest version of each month's payslip. */
export async function jaaropgave(db: Queryable, opts: { zorgverlenerId: string; budgethouderId: number; jaar: number; now?: Date }): Promise<Jaaropgave> {
  if (!Number.isInteger(opts.jaar) || opts.jaar < 2000 || opts.jaar > 2100) throw new AppError('INVOER_ONGELDIG', `--jaar '${opts.jaar}' is geen jaar`);
  const r = await db.query<StrookRow>(
    `SELECT DISTINCT ON (zorgovereenkomst_id, periode) * FROM loonstroken
      WHERE zorgverlener_id = $1 AND budgethouder_id = $2 AND periode LIKE $3
      ORDER BY zorgovereenkomst_id, periode, versie DESC`,
    [opts.zorgverlenerId, opts.budgethouderId, `${opts.jaar}-%`],
  );
  if (r.rows.length === 0) throw new AppError('NIET_GEVONDEN', `geen loonstroken van zorgverlener '${opts.zorgverlenerId}' bij deze budgethouder in ${opts.jaar}`);
  const who = await db.query<{ hnaam: string; clientnummer: number; znaam: string; geboortedatum: string | null }>(
    `SELECT h.naam AS hnaam, h.clientnummer, z.naam AS znaam, to_char(z.geboortedatum, 'YYYY-MM-DD') AS geboortedatum FROM budgethouders h, zorgverleners z WHERE h.id = $1 AND z.zorgverlener_id = $2`,
    [opts.budgethouderId, opts.zorgverlenerId],
  );
  const w = who.rows[0]!;
  const voetnoten: string[] = [];
  const maanden = r.rows
    .map((s) => {
      const u = parse(s.uitkomst);
      for (const v of u.voetnoten) if (!voetnoten.includes(v)) voetnoten.push(v);
      return { periode: s.periode, versie: s.versie, brutoloon: s.brutoloon, loonheffing: s.loonheffing, nettoloon: s.nettoloon, zvwLoon: u.premieloon, zvw: u.premies.zvw, werkgeverspremies: s.werkgeverspremies, heffingskorting: u.regels.some((x) => x.code === 'ahk') };
    })
    .sort((a, b) => (a.periode < b.periode ? -1 : a.periode > b.periode ? 1 : 0));
  const som = (k: 'brutoloon' | 'loonheffing' | 'nettoloon' | 'zvwLoon' | 'zvw' | 'werkgeverspremies') => maanden.reduce((t, m) => t + m[k], 0);
  return {
    jaar: opts.jaar,
    gemaakt_op: dateInNetherlands(opts.now ?? new Date()),
    werkgever: { budgethouder_id: opts.budgethouderId, naam: w.hnaam, clientnummer: w.clientnummer },
    werknemer: { zorgverlener_id: opts.zorgverlenerId, naam: w.znaam, geboortedatum: w.geboortedatum },
    zorgovereenkomsten: [...new Set(r.rows.map((x) => x.zorgovereenkomst_id))],
    heffingskorting: maanden.some((m) => m.heffingskorting),
    maanden: maanden.map(({ heffingskorting: _h, ...m }) => m),
    totaal: { brutoloon: som('brutoloon'), loonheffing: som('loonheffing'), nettoloon: som('nettoloon'), zvwLoon: som('zvwLoon'), zvw: som('zvw'), werkgeverspremies: som('werkgeverspremies') },
    voetnoten,
  };
}

export async function jaaropgavePdf(j: Jaaropgave): Promise<Buffer> {
  const title = `Jaaropgave ${j.jaar} – ${j.werknemer.naam}`;
  const p = await loonPdf(title, `Jaaropgave ${j.jaar}`, j.gemaakt_op);
  p.heading(p.root, 'H1', `Jaaropgave ${j.jaar}`);
  p.text(p.root, 'P', `Werknemer: ${j.werknemer.naam} (zorgverlener ${j.werknemer.zorgverlener_id}${j.werknemer.geboortedatum ? `, geboren ${dateNameNl(j.werknemer.geboortedatum as PlainDate)}` : ''}).`);
  p.text(p.root, 'P', `Werkgever: ${j.werkgever.naam}, budgethouder met cliëntnummer ${j.werkgever.clientnummer}; salarisadministratie door de uitvoerder van het pgb. Arbeidsovereenkomst(en): ${j.zorgovereenkomsten.join(', ')}.`);
  const laatste = j.maanden[j.maanden.length - 1]!.periode;
  const lopend = Number(j.gemaakt_op.slice(0, 4)) <= j.jaar;
  p.text(p.root, 'P', lopend
    ? `Gemaakt op ${dateNameNl(j.gemaakt_op)}, terwijl het jaar nog loopt: deze opgave telt de loonstroken tot en met ${monthNameNl(laatste)}. Na afloop van het jaar krijgt u de definitieve jaaropgave voor uw aangifte inkomstenbelasting.`
    : `Gemaakt op ${dateNameNl(j.gemaakt_op)}. Gebruik deze opgave voor uw aangifte inkomstenbelasting.`);
  p.doc.moveDown(0.5);
  const f = p.section('Fiscale gegevens');
  p.heading(f, 'H2', 'Fiscale gegevens');
  p.table(
    f,
    ['Omschrijving', 'Bedrag'],
    [
      ['Loon voor de loonheffing (fiscaal loon, inclusief vakantiegeld)', eur(j.totaal.brutoloon)],
      ['Ingehouden loonheffing', eur(j.totaal.loonheffing)],
      ['Loonheffingskorting toegepast', j.heffingskorting ? 'ja' : 'nee'],
      ['Loon voor de Zorgverzekeringswet (Zvw-loon)', eur(j.totaal.zvwLoon)],
      ['Werkgeversheffing Zvw (door de werkgever betaald)', eur(j.totaal.zvw)],
      ['Nettoloon', eur(j.totaal.nettoloon)],
    ],
    ['*', 110],
  );
  const m = p.section('Per maand');
  p.heading(m, 'H2', 'Per maand');
  p.table(
    m,
    ['Maand', 'Brutoloon', 'Loonheffing', 'Nettoloon', 'Premies werkgever'],
    [
      ...j.maanden.map((x) => [`${monthNameNl(x.periode)}${x.versie > 1 ? ` (versie ${x.versie})` : ''}`, eur(x.brutoloon), eur(x.loonheffing), eur(x.nettoloon), eur(x.werkgeverspremies)]),
      ['Totaal', eur(j.totaal.brutoloon), eur(j.totaal.loonheffing), eur(j.totaal.nettoloon), eur(j.totaal.werkgeverspremies)].map(bold),
    ],
    ['*', 75, 75, 75, 110],
  );
  p.text(m, 'P', 'Per maand de laatste versie van de loonstrook: correcties van eerdere maanden zijn in de bedragen verwerkt.');
  footnotes(p, p.root, j.voetnoten);
  return p.end();
}

/** The payroll summary of a period: each payslip made for it (and corrections of earlier months made in its runs). */
export async function loonoverzicht(db: Queryable, opts: { periode: string; now?: Date }): Promise<ReportTable> {
  const m = parseMonth(opts.periode);
  if (!m) throw new AppError('INVOER_ONGELDIG', `--periode '${opts.periode}' is geen maand (JJJJ-MM)`);
  const r = await db.query<StrookRow & { clientnummer: number }>(
    `SELECT l.*, h.clientnummer FROM loonstroken l JOIN loonruns lr ON lr.loonrun_id = l.loonrun_id JOIN budgethouders h ON h.id = l.budgethouder_id
      WHERE (l.periode = $1 AND l.versie = (SELECT max(versie) FROM loonstroken x WHERE x.zorgovereenkomst_id = l.zorgovereenkomst_id AND x.periode = l.periode))
         OR (l.periode < $1 AND l.versie > 1 AND lr.periode = $1)
      ORDER BY h.clientnummer, l.zorgovereenkomst_id, l.periode, l.versie`,
    [opts.periode],
  );
  const rijen = r.rows.map((s) => {
    const u = parse(s.uitkomst);
    const tijdvak = s.periode === opts.periode;
    // a month of the period itself counts whole; a correction of an earlier month counts its difference
    const f = (nu: number, verschil: number) => (tijdvak ? nu : verschil);
    return {
      clientnummer: s.clientnummer,
      zorgovereenkomst: s.zorgovereenkomst_id,
      zorgverlener: s.zorgverlener_id,
      tijdvak: s.periode,
      versie: s.versie,
      soort: tijdvak ? 'tijdvak' : 'correctie',
      bruto: f(s.brutoloon, s.verschil_bruto),
      loonheffing: f(s.loonheffing, s.verschil_loonheffing),
      premies: f(s.werkgeverspremies, s.verschil_premies),
      zvw: tijdvak ? u.premies.zvw : null,
      netto: f(s.nettoloon, s.verschil_bruto - s.verschil_loonheffing),
      af_te_dragen: f(s.loonheffing + s.werkgeverspremies, s.verschil_loonheffing + s.verschil_premies),
    };
  });
  const som = (k: 'bruto' | 'loonheffing' | 'premies' | 'netto' | 'af_te_dragen') => rijen.reduce((t, x) => t + (x[k] as number), 0);
  const totaal = { clientnummer: null, zorgovereenkomst: 'Totaal', zorgverlener: null, tijdvak: opts.periode, versie: null, soort: 'totaal', bruto: som('bruto'), loonheffing: som('loonheffing'), premies: som('premies'), zvw: null, netto: som('netto'), af_te_dragen: som('af_te_dragen') };
  return {
    naam: 'loonoverzicht',
    titel: `Loonoverzicht ${monthNameNl(opts.periode)}`,
    bron: 'issue #9: grondslag voor de aangifte loonheffingen',
    van: m.first,
    tot: m.last,
    peildatum: dateInNetherlands(opts.now ?? new Date()),
    verstrekker: null,
    kolommen: [
      { key: 'clientnummer', header: 'Cliëntnummer (werkgever)', kind: 'text' },
      { key: 'zorgovereenkomst', header: 'Zorgovereenkomst', kind: 'text' },
      { key: 'zorgverlener', header: 'Zorgverlener', kind: 'text' },
      { key: 'tijdvak', header: 'Tijdvak', kind: 'text' },
      { key: 'versie', header: 'Versie', kind: 'int' },
      { key: 'soort', header: 'Soort', kind: 'text' },
      { key: 'bruto', header: 'Brutoloon', kind: 'euro' },
      { key: 'loonheffing', header: 'Loonheffing', kind: 'euro' },
      { key: 'premies', header: 'Werkgeverspremies', kind: 'euro' },
      { key: 'zvw', header: 'waarvan werkgeversheffing Zvw', kind: 'euro' },
      { key: 'netto', header: 'Nettoloon', kind: 'euro' },
      { key: 'af_te_dragen', header: 'Af te dragen', kind: 'euro' },
    ],
    rijen: [...rijen.map((x) => ({ ...x, clientnummer: String(x.clientnummer) })), totaal],
    toelichting: [
      'Per loonstrook van het tijdvak de laatste versie (hele bedragen); per correctie van een eerder tijdvak die in een loonrun van dit tijdvak is gemaakt het verschil met de vorige versie.',
      'Af te dragen = loonheffing + werkgeverspremies (WW/AWf, WIA/Aof, Wko, Whk, werkgeversheffing Zvw). De bijzonder-tariefpercentages zijn een benadering van de officiële tabel (zie docs/payroll.md).',
    ],
    grafiek: null,
  };
}
