/**
 * The reports of domain.md §7, by name: each reads its facts (queries.ts), aggregates them
 * (core/aggregate.ts) and returns one table with its notes and chart. The back office and the
 * auditor see all funders; a funder only its own holders (the scope is set by the caller: the HTTP
 * route from the signed-in funder, the command line from `--verstrekker`).
 */
import type { Queryable } from '../../../db/connection.ts';
import type { PlainDate } from '../../../kernel/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../server/scope.ts';
import { amountsPerLaw, awaitingApproval, backlogNature, backlogPerWeek, funderSettlement, LAW_COLUMNS, PARKING_REASONS, paymentCounts, refusalBands, refusalsByReason, timelinessPerWeek } from '../core/aggregate.ts';
import { categoryChart, euros } from '../core/charts.ts';
import { LAW_SHORT, reasonLabel } from '../core/labels.ts';
import { dateName, monthOf, monthsCovering, percent, weeksCovering } from '../core/periods.ts';
import { col, type Column, type ReportTable, type Row } from '../core/table.ts';
import { yearEndTables } from '../../jaareinde/index.ts';
import { URGENT_THRESHOLDS, urgentPaymentsReport } from '../../spoed/index.ts';
import { amountFacts, awaitingFacts, urgentFacts, flowFacts, funderFacts, openFacts, paymentFacts, receivedCount, refusalFacts, refusedPerHolder, timelinessFacts } from '../queries.ts';

export interface ReportParams {
  van: PlainDate;
  tot: PlainDate;
  /** the day a snapshot is taken, and up to which outcomes count (default today) */
  peildatum: PlainDate;
  /** `alles`, or a funder (`verstrekker`) */
  scope: Scope;
}

interface ReportDef {
  titel: string;
  bron: string;
  beschrijving: string;
  build(db: Queryable, p: ReportParams, head: Omit<ReportTable, 'kolommen' | 'rijen' | 'toelichting' | 'grafiek'>): Promise<ReportTable>;
}

const periodText = (p: ReportParams) => `${dateName(p.van)} t/m ${dateName(p.tot)}`;
const scopeText = (p: ReportParams) => (p.scope.kind === 'verstrekker' ? ` · verstrekker ${p.scope.code}` : '');
const asRows = <T extends object>(rows: T[]): Row[] => rows as unknown as Row[];

const URGENT_NOTE =
  'Spoedbetaald blijft 0: een declaratie die een spoedbetaling (voorschot) helemaal dekte, is daarmee betaald en staat niet meer open; een die zij deels dekte, telt onder "wacht op betaalrun" voor de rest. Zie het rapport spoedbetalingen.';
const URGENT_PAYMENTS_NOTE = 'Spoedbetalingen: één overboeking per spoedaanvraag, in de maand van de spoedrun die haar betaalde.';
const PAYROLL_NOTE =
  'Verloning (loonheffing via de salarisadministratie) is nog niet aangesloten op het maandloon: alle betalingen staan onder "zonder verloning" en de kolommen "met verloning" zijn 0.';

export const REPORTS = {
  werkvoorraad: {
    titel: 'Werkvoorraad, instroom en uitstroom van declaraties per week',
    bron: 'seed 000, grafiek 1 (ontwikkeling voorraad) en grafiek 2 (in- en uitstroom)',
    beschrijving: 'Per ISO-week: de open declaraties aan het begin en eind, wat binnenkwam, wat betaald of definitief afgekeurd werd, en wat na een terugboeking terugkwam.',
    async build(db, p, head) {
      const weeks = weeksCovering(p.van, p.tot);
      const rows = backlogPerWeek(await flowFacts(db, p.scope, weeks[0]!.van, weeks[weeks.length - 1]!.tot), p.van, p.tot);
      const kolommen: Column[] = [
        col('week', 'Week', 'text'),
        col('van', 'Van', 'date'),
        col('tot', 'Tot en met', 'date'),
        col('voorraad_begin', 'Voorraad begin', 'int'),
        col('instroom', 'Instroom', 'int'),
        col('uitstroom_betaald', 'Uitstroom betaald', 'int'),
        col('uitstroom_afgekeurd', 'Uitstroom afgekeurd', 'int'),
        col('uitstroom', 'Uitstroom totaal', 'int'),
        col('heropend', 'Terug na terugboeking', 'int'),
        col('voorraad_eind', 'Voorraad eind', 'int'),
      ];
      return {
        ...head,
        kolommen,
        rijen: asRows(rows),
        toelichting: [
          'Een declaratie zit in de werkvoorraad vanaf de dag van ontvangst tot zij in een betaalrun gaat of definitief wordt afgekeurd. Geparkeerde declaraties (wachten op budget, toekenning, accordering of tarief) blijven in de voorraad.',
          'Maandloon telt niet mee (dat is geen declaratie); een declaratie die een zorgverlener indiende en die nog op de goedkeuring van de budgethouder wacht, is nog niet ontvangen.',
          'Weken zijn ISO-weken (maandag t/m zondag); de periode is verbreed tot hele weken. Voorraad eind = voorraad begin + instroom − uitstroom + terug na terugboeking.',
        ],
        grafiek: categoryChart({
          title: 'Werkvoorraad declaraties',
          subtitle: `${periodText(p)}${scopeText(p)}`,
          categories: rows.map((r) => r.week),
          yName: 'declaraties per week',
          y2Name: 'voorraad',
          series: [
            { name: 'instroom', type: 'bar', data: rows.map((r) => r.instroom) },
            { name: 'uitstroom', type: 'bar', data: rows.map((r) => r.uitstroom) },
            { name: 'voorraad eind van de week', type: 'line', data: rows.map((r) => r.voorraad_eind), yAxisIndex: 1 },
          ],
        }),
      };
    },
  },

  'aard-voorraad': {
    titel: 'Aard van de werkvoorraad naar maand van ontvangst',
    bron: 'seed 000, tabel 1 (aard voorraad op 23-6-2015)',
    beschrijving: 'De open declaraties op de peildatum, per maand van ontvangst: regulier (nog te controleren of goedgekeurd en wachtend op de betaalrun), geparkeerd per reden, spoedbetaald.',
    async build(db, p, head) {
      const rows = backlogNature(await openFacts(db, p.scope, p.peildatum), monthOf(p.peildatum));
      const kolommen: Column[] = [
        col('maand', 'Maand van ontvangst', 'text'),
        col('openstaand', 'Openstaand', 'int'),
        col('regulier', 'Regulier', 'int'),
        col('te_controleren', 'waarvan nog te controleren', 'int'),
        col('te_betalen', 'waarvan goedgekeurd, wacht op betaalrun', 'int'),
        col('geparkeerd', 'Geparkeerd', 'int'),
        ...PARKING_REASONS.map((r) => col(`geparkeerd_${r}`, `geparkeerd: ${reasonLabel(r)}`, 'int')),
        col('spoedbetaald', 'Spoedbetaald', 'int'),
      ];
      const months = rows.filter((r) => /^\d{4}-\d{2}$/.test(r.maand));
      return {
        ...head,
        kolommen,
        rijen: asRows(rows),
        toelichting: [
          `Stand aan het eind van ${dateName(p.peildatum)}: wat toen openstond, naar de maand waarin de declaratie werd ontvangen; de status komt uit het spoor van elke declaratie.`,
          'Regulier is wat de backoffice zelf kan afhandelen; geparkeerd wacht op de budgethouder of de verstrekker (zie de reden). Een VVB-kolom is er niet: het verantwoordingsvrij bedrag wordt nog niet uitbetaald.',
          URGENT_NOTE,
        ],
        grafiek: categoryChart({
          title: 'Aard van de werkvoorraad',
          subtitle: `peildatum ${dateName(p.peildatum)}${scopeText(p)}`,
          categories: months.map((r) => r.maand),
          yName: 'open declaraties',
          series: [
            { name: 'nog te controleren', type: 'bar', stack: 'v', data: months.map((r) => r.te_controleren) },
            { name: 'wacht op betaalrun', type: 'bar', stack: 'v', data: months.map((r) => r.te_betalen) },
            ...PARKING_REASONS.map((reden) => ({ name: reasonLabel(reden), type: 'bar' as const, stack: 'v', data: months.map((r) => r[`geparkeerd_${reden}`] ?? 0) })),
          ],
        }),
      };
    },
  },

  tijdigheid: {
    titel: 'Binnen 10 werkdagen betaald, naar week van ontvangst',
    bron: 'seed 000, tabellen 2 t/m 4 ("was" en "wordt")',
    beschrijving: 'Per week van ontvangst het aandeel declaraties dat uiterlijk op de 10e werkdag na ontvangst betaald is; "was" telt terecht afgekeurde declaraties als niet tijdig, "wordt" laat ze weg.',
    async build(db, p, head) {
      const weeks = weeksCovering(p.van, p.tot);
      const rows = timelinessPerWeek(await timelinessFacts(db, p.scope, weeks[0]!.van, weeks.at(-1)!.tot, p.peildatum), p.van, p.tot);
      const kolommen: Column[] = [
        col('week', 'Week van ontvangst', 'text'),
        col('van', 'Van', 'date'),
        col('tot', 'Tot en met', 'date'),
        col('ontvangen', 'Ontvangen', 'int'),
        col('tijdig', 'Binnen 10 werkdagen betaald', 'int'),
        col('te_laat', 'Niet binnen 10 werkdagen betaald', 'int'),
        col('terecht_niet_betaald', 'Terecht afgekeurd of geparkeerd', 'int'),
        col('lopend', 'Termijn loopt nog', 'int'),
        col('was_binnen', 'Was: binnen 10 werkdagen %', 'percent'),
        col('was_meer', 'Was: meer dan 10 werkdagen %', 'percent'),
        col('wordt_binnen', 'Wordt: binnen 10 werkdagen %', 'percent'),
        col('wordt_meer', 'Wordt: meer dan 10 werkdagen %', 'percent'),
      ];
      const perWeek = rows.filter((r) => r.week !== 'totaal');
      return {
        ...head,
        kolommen,
        rijen: asRows(rows),
        toelichting: [
          'Tijdig: de uitvoeringsdatum van de betaalrun valt uiterlijk op de uiterste betaaldatum, de 10e werkdag na de dag van ontvangst (Algemene termijnenwet: geen weekend en geen feestdag).',
          'Terecht afgekeurd of geparkeerd: de declaratie is afgekeurd, of wachtte op haar uiterste betaaldatum op de budgethouder of de verstrekker (budget, toekenning, accordering, tarief). "Was" telt die als niet tijdig betaald; "wordt" laat ze weg, want de norm gaat over correcte declaraties.',
          `Gemeten aan het eind van ${dateName(p.peildatum)}: declaraties waarvan de uiterste betaaldatum dan nog niet voorbij is en die nog niet betaald zijn, tellen nergens mee ("termijn loopt nog"). Percentages zijn afgerond op hele procenten; binnen + meer = 100.`,
          'Een teruggeboekte betaling telt pas als betaald wanneer zij opnieuw is verstuurd.',
        ],
        grafiek: categoryChart({
          title: 'Binnen 10 werkdagen betaald',
          subtitle: `week van ontvangst, ${periodText(p)}${scopeText(p)}`,
          categories: perWeek.map((r) => r.week),
          yName: 'procent binnen 10 werkdagen',
          yMax: 100,
          series: [
            { name: 'was (terecht afgekeurd telt als niet tijdig)', type: 'line', data: perWeek.map((r) => r.was_binnen) },
            { name: 'wordt (terecht afgekeurd niet meegeteld)', type: 'line', data: perWeek.map((r) => r.wordt_binnen) },
          ],
        }),
      };
    },
  },

  afkeuringen: {
    titel: 'Afgekeurde en geparkeerde declaraties naar reden',
    bron: 'seed 000, "Afgekeurde betalingen" (week 25: 56% budget, 40% maximumtarief)',
    beschrijving: 'Elke declaratie (ook maandloon) die in de periode werd afgekeurd of geparkeerd, eenmaal, met haar laatste reden in de periode.',
    async build(db, p, head) {
      const rows = refusalsByReason(await refusalFacts(db, p.scope, p.van, p.tot)).map((r) => ({ ...r, omschrijving: r.reden === 'totaal' ? '' : reasonLabel(r.reden) }));
      const received = await receivedCount(db, p.scope, p.van, p.tot);
      const total = rows.at(-1)!.declaraties;
      const shown = rows.filter((r) => r.reden !== 'totaal' && r.declaraties > 0);
      return {
        ...head,
        kolommen: [
          col('reden', 'Reden', 'text'),
          col('omschrijving', 'Omschrijving', 'text'),
          col('geparkeerd', 'Geparkeerd', 'int'),
          col('afgekeurd', 'Afgekeurd', 'int'),
          col('declaraties', 'Declaraties', 'int'),
          col('bedrag', 'Bedrag', 'euro'),
          col('aandeel', 'Aandeel %', 'percent'),
        ],
        rijen: asRows(rows),
        toelichting: [
          `In de periode zijn ${received} declaraties ontvangen (maandloon inbegrepen); ${total} declaraties werden afgekeurd of geparkeerd${received > 0 ? ` (${percent(total, received)}% van het aantal ontvangen; de declaraties kunnen ook eerder zijn ontvangen)` : ''}.`,
          'Geparkeerd wacht en wordt vanzelf opnieuw gecontroleerd zodra een toekenning, storting of accordering binnenkomt; afgekeurd is definitief. Een declaratie telt eenmaal, met haar laatste uitkomst in de periode.',
        ],
        grafiek: categoryChart({
          title: 'Afgekeurd en geparkeerd naar reden',
          subtitle: `${periodText(p)}${scopeText(p)}`,
          categories: shown.map((r) => reasonLabel(r.reden)),
          yName: 'declaraties',
          horizontal: true,
          series: [
            { name: 'geparkeerd', type: 'bar', stack: 'r', data: shown.map((r) => r.geparkeerd) },
            { name: 'afgekeurd', type: 'bar', stack: 'r', data: shown.map((r) => r.afgekeurd) },
          ],
        }),
      };
    },
  },

  'afkeuringen-budgethouders': {
    titel: 'Budgethouders naar aantal afgekeurde of geparkeerde declaraties',
    bron: 'seed 000, "Aanvullende informatie afgekeurde betalingen" (4.314 / 263 / 17 budgethouders)',
    beschrijving: 'Het aantal budgethouders van wie in de periode 1 t/m 5, meer dan 5, en daarvan meer dan 10 declaraties werden afgekeurd of geparkeerd.',
    async build(db, p, head) {
      const rows = refusalBands(await refusedPerHolder(db, p.scope, p.van, p.tot));
      return {
        ...head,
        kolommen: [col('groep', 'Afgekeurd of geparkeerd', 'text'), col('budgethouders', 'Budgethouders', 'int')],
        rijen: asRows(rows),
        toelichting: ['Telt dezelfde declaraties als het rapport afkeuringen, per budgethouder. "Waarvan meer dan 10" is een deel van "meer dan 5", zoals seed 000 ze telt.'],
        grafiek: categoryChart({
          title: 'Budgethouders naar aantal afkeuringen',
          subtitle: `${periodText(p)}${scopeText(p)}`,
          categories: rows.map((r) => r.groep),
          yName: 'budgethouders',
          series: [{ name: 'budgethouders', type: 'bar', data: rows.map((r) => r.budgethouders) }],
        }),
      };
    },
  },

  'bedragen-per-wet': {
    titel: 'Gedeclareerde en betaalde bedragen per wet per zorgmaand',
    bron: 'seed 001, §1.2.2 (declaraties per wet, x € 1 miljoen)',
    beschrijving: 'Per maand waarin de zorg werd geleverd en per wet: wat gedeclareerd werd en wat daarvan betaald is.',
    async build(db, p, head) {
      const months = monthsCovering(p.van, p.tot);
      const rows = amountsPerLaw(await amountFacts(db, p.scope, p.van, p.tot), months);
      const kolommen: Column[] = [col('maand', 'Zorgmaand', 'text')];
      for (const w of LAW_COLUMNS) kolommen.push(col(`gedeclareerd_${w}`, `${LAW_SHORT[w]} gedeclareerd`, 'euro'), col(`betaald_${w}`, `${LAW_SHORT[w]} betaald`, 'euro'));
      kolommen.push(col('gedeclareerd_totaal', 'Totaal gedeclareerd', 'euro'), col('betaald_totaal', 'Totaal betaald', 'euro'));
      const monthRows = rows.filter((r) => r.maand !== 'totaal');
      return {
        ...head,
        kolommen,
        rijen: asRows(rows),
        toelichting: [
          'Per zorgmaand: de datum van de declaratieregel. Gedeclareerd is alles wat ontvangen is (ook wat werd afgekeurd of geparkeerd, en maandloon); betaald is het deel in een betaalrun.',
          'De wet is die van de zorgovereenkomst waar de declaratie onder viel; "wet onbekend" zijn declaraties zonder (gevonden) zorgovereenkomst.',
        ],
        grafiek: categoryChart({
          title: 'Gedeclareerd per wet',
          subtitle: `zorgmaand, ${periodText(p)}${scopeText(p)}`,
          categories: monthRows.map((r) => r.maand),
          yName: 'euro',
          euros: true,
          series: [
            ...LAW_COLUMNS.map((w) => ({ name: `${LAW_SHORT[w]} gedeclareerd`, type: 'bar' as const, stack: 'g', data: monthRows.map((r) => euros(Number(r[`gedeclareerd_${w}`]))) })),
            { name: 'totaal betaald', type: 'line', data: monthRows.map((r) => euros(Number(r.betaald_totaal))) },
          ],
        }),
      };
    },
  },

  'betalingen-per-soort': {
    titel: 'Betalingen per soort per maand',
    bron: 'seed 001, §2 (maandbetalingen en dagbetalingen, met en zonder verloning, spoed handbetalingen)',
    beschrijving: 'Per maand van uitvoering van de betaalrun: het aantal betaalde maandlonen en declaraties, met en zonder verloning, spoedbetalingen, en het aantal overboekingen.',
    async build(db, p, head) {
      const months = monthsCovering(p.van, p.tot);
      const { facts, transfers } = await paymentFacts(db, p.scope, p.van, p.tot);
      const rows = paymentCounts(facts, transfers, months);
      const monthRows = rows.filter((r) => r.maand !== 'totaal');
      return {
        ...head,
        kolommen: [
          col('maand', 'Maand', 'text'),
          col('verloning_maand', 'Met verloning: maandbetalingen', 'int'),
          col('verloning_declaratie', 'Met verloning: per declaratie', 'int'),
          col('verloning_totaal', 'Met verloning: totaal', 'int'),
          col('zonder_maand', 'Zonder verloning: maandbetalingen', 'int'),
          col('zonder_declaratie', 'Zonder verloning: per declaratie', 'int'),
          col('spoed', 'Spoedbetalingen', 'int'),
          col('zonder_totaal', 'Zonder verloning: totaal', 'int'),
          col('totaal', 'Totaal betalingen', 'int'),
          col('overboekingen', 'Overboekingen', 'int'),
          col('bedrag', 'Bedrag', 'euro'),
        ],
        rijen: asRows(rows),
        toelichting: [
          'Een betaling is een betaalde declaratie of een betaald maandloon; een overboeking is één SEPA-overboeking aan één zorgverlener in één betaalrun (die kan meer declaraties betalen). Teruggeboekte betalingen tellen niet.',
          PAYROLL_NOTE,
          URGENT_PAYMENTS_NOTE,
        ],
        grafiek: categoryChart({
          title: 'Betalingen per soort',
          subtitle: `${periodText(p)}${scopeText(p)}`,
          categories: monthRows.map((r) => r.maand),
          yName: 'betalingen',
          series: [
            { name: 'maandbetalingen', type: 'bar', stack: 'b', data: monthRows.map((r) => r.zonder_maand + r.verloning_maand) },
            { name: 'per declaratie', type: 'bar', stack: 'b', data: monthRows.map((r) => r.zonder_declaratie + r.verloning_declaratie) },
            { name: 'spoedbetalingen', type: 'bar', stack: 'b', data: monthRows.map((r) => r.spoed) },
            { name: 'overboekingen', type: 'line', data: monthRows.map((r) => r.overboekingen) },
          ],
        }),
      };
    },
  },

  accorderingen: {
    titel: 'Zorgovereenkomsten die op accordering wachten, per verstrekker',
    bron: 'seed 001, §1.2.1 (te accorderen zorgovereenkomsten per zorgkantoor en gemeente)',
    beschrijving: 'Op de peildatum: de zorgovereenkomsten die bij de verstrekker ter accordering liggen, met hoe lang al (in werkdagen).',
    async build(db, p, head) {
      const rows = awaitingApproval(await awaitingFacts(db, p.scope, p.peildatum), p.peildatum);
      const funders = rows.filter((r) => r.verstrekker !== 'totaal');
      return {
        ...head,
        kolommen: [
          col('verstrekker', 'Verstrekker', 'text'),
          col('naam', 'Naam', 'text'),
          col('wachtend', 'Wachten op accordering', 'int'),
          col('tot_5', '0 t/m 5 werkdagen', 'int'),
          col('van_6_tot_10', '6 t/m 10 werkdagen', 'int'),
          col('van_11_tot_20', '11 t/m 20 werkdagen', 'int'),
          col('meer_dan_20', 'meer dan 20 werkdagen', 'int'),
          col('oudste_werkdagen', 'Oudste (werkdagen)', 'int'),
        ],
        rijen: asRows(rows),
        toelichting: [
          `Stand aan het eind van ${dateName(p.peildatum)}, uit de versies van elke zorgovereenkomst. De wachttijd telt de werkdagen na de dag van indienen tot en met de peildatum.`,
          'De verstrekker is die van de toekenningen van de budgethouder voor de wet van de zorgovereenkomst; "-" zijn zorgovereenkomsten voor een wet waarvoor de budgethouder nog geen toekenning heeft.',
        ],
        grafiek: categoryChart({
          title: 'Wachten op accordering',
          subtitle: `peildatum ${dateName(p.peildatum)}${scopeText(p)}`,
          categories: funders.map((r) => (r.verstrekker === '-' ? 'nog geen toekenning' : r.verstrekker)),
          yName: 'zorgovereenkomsten',
          horizontal: true,
          series: [
            { name: '0–5 werkdagen', type: 'bar', stack: 'a', data: funders.map((r) => r.tot_5) },
            { name: '6–10 werkdagen', type: 'bar', stack: 'a', data: funders.map((r) => r.van_6_tot_10) },
            { name: '11–20 werkdagen', type: 'bar', stack: 'a', data: funders.map((r) => r.van_11_tot_20) },
            { name: 'meer dan 20', type: 'bar', stack: 'a', data: funders.map((r) => r.meer_dan_20) },
          ],
        }),
      };
    },
  },

  spoedbetalingen: {
    titel: 'Spoedbetalingen: aantal, bedrag, budgethouders, doorlooptijd en oorzaken',
    bron: 'seed 000, tabel 6 (oorzaken spoedbetalingen) en het Rapid Response Team (betaald binnen 24 uur)',
    beschrijving: 'De spoedbetalingen die in de periode in een spoedrun zijn betaald, per oorzaak en samen: aantal, bedrag, aantal budgethouders, de gemiddelde doorlooptijd van aanvraag tot betaling in uren en welk deel binnen 24, 36, 48, 60 en 72 uur betaald is.',
    async build(db, p, head) {
      const rows = urgentPaymentsReport(await urgentFacts(db, p.scope, p.van, p.tot));
      const total = rows[rows.length - 1]!;
      const causes = rows.filter((r) => r.oorzaak !== 'totaal' && r.aantal > 0);
      return {
        ...head,
        kolommen: [
          col('oorzaak', 'Oorzaak (code)', 'text'),
          col('omschrijving', 'Oorzaak', 'text'),
          col('aantal', 'Aantal', 'int'),
          col('bedrag', 'Bedrag', 'euro'),
          col('budgethouders', 'Budgethouders', 'int'),
          col('gemiddeld_uren', 'Gemiddelde doorlooptijd (uren)', 'int'),
          ...URGENT_THRESHOLDS.map((u) => col(`binnen_${u}`, `Binnen ${u} uur`, 'percent')),
        ],
        rijen: asRows(rows),
        toelichting: [
          `${total.aantal} spoedbetaling(en) betaald van ${dateName(p.van)} t/m ${dateName(p.tot)} (de dag van de spoedrun), aan ${total.budgethouders} budgethouder(s). Afgewezen en nog niet betaalde aanvragen tellen niet.`,
          'De doorlooptijd loopt van het vastleggen van de aanvraag tot de spoedrun die haar betaalde, in uren (gemiddelde op één decimaal); "binnen 24 uur" telt wie in ten hoogste 24 uur betaald is, als deel van het aantal in die rij (hele procenten).',
          'De oorzaken zijn de categorieën van seed 000, tabel 6; een oorzaak zonder spoedbetalingen staat er met 0.',
        ],
        grafiek: categoryChart({
          title: 'Spoedbetalingen per oorzaak',
          subtitle: `${periodText(p)}${scopeText(p)}`,
          categories: causes.map((r) => r.omschrijving),
          yName: 'spoedbetalingen',
          horizontal: true,
          series: [{ name: 'aantal', type: 'bar', data: causes.map((r) => r.aantal) }],
        }),
      };
    },
  },

  verstrekkers: {
    titel: 'Per verstrekker: toegekend, besteed, resterend, gestort en te verrekenen',
    bron: 'domain.md §5 (jaareinde: financiële verrekening) en §7 (voortgang per verstrekker); seed 001 stap 10',
    beschrijving: 'Per verstrekker over de budgetten waarvan de looptijd de periode raakt: toegekend, besteed, betaald, resterend; de stortingen in de periode; en wat te verrekenen is.',
    async build(db, p, head) {
      const rows = funderSettlement(await funderFacts(db, p.scope, p.van, p.tot));
      const funders = rows.filter((r) => r.verstrekker !== 'totaal');
      return {
        ...head,
        kolommen: [
          col('verstrekker', 'Verstrekker', 'text'),
          col('naam', 'Naam', 'text'),
          col('budgetten', 'Budgetten', 'int'),
          col('toegekend', 'Toegekend', 'euro'),
          col('besteed', 'Besteed', 'euro'),
          col('betaald', 'waarvan betaald', 'euro'),
          col('resterend', 'Resterend', 'euro'),
          col('gestort', 'Gestort in de periode', 'euro'),
          col('te_verrekenen', 'Te verrekenen', 'euro'),
        ],
        rijen: asRows(rows),
        toelichting: [
          'Besteed is wat goedgekeurde declaraties ten laste van de budgetten brachten (ook wat nog in een betaalrun moet); resterend = toegekend − besteed.',
          'Te verrekenen = gestort − besteed: positief gaat aan het eind van het jaar terug naar de verstrekker, negatief moet de verstrekker nog storten. Kies voor de jaarafrekening de periode 1 januari t/m 31 december.',
          'Stortingen zijn de bankposten die als storting van deze verstrekker werden herkend (op zijn IBAN), op boekdatum.',
        ],
        grafiek: categoryChart({
          title: 'Voortgang per verstrekker',
          subtitle: `${periodText(p)}${scopeText(p)}`,
          categories: funders.map((r) => r.verstrekker),
          yName: 'euro',
          euros: true,
          series: [
            { name: 'toegekend', type: 'bar', data: funders.map((r) => euros(r.toegekend)) },
            { name: 'besteed', type: 'bar', data: funders.map((r) => euros(r.besteed)) },
            { name: 'gestort', type: 'bar', data: funders.map((r) => euros(r.gestort)) },
          ],
        }),
      };
    },
  },

  // ---- the year end (issue #8, docs/year-end.md): the closings of the year in which --tot falls
  budgetafsluiting: {
    titel: 'Budgetafsluiting per toekenning (jaareinde)',
    bron: 'issue #8 (jaareinde: budgetafsluiting); domain.md §5',
    beschrijving: 'Per afgesloten toekenning van het jaar van --tot: toegekend, besteed aan declaraties, eigen bedragen, betaald uit eigen stortingen, terug naar de verstrekker, geparkeerde declaraties. Leeg zolang pgb jaarafsluiting voor dat jaar niet heeft gedraaid.',
    async build(db, p, head) {
      const t = (await yearEndTables(db, Number(p.tot.slice(0, 4)), p.scope.kind === 'verstrekker' ? p.scope.code : undefined)).budgetafsluiting;
      return { ...head, kolommen: t.kolommen, rijen: t.rijen, toelichting: t.toelichting, grafiek: null };
    },
  },
  jaarafrekening: {
    titel: 'Jaarafrekening per verstrekker (jaareinde)',
    bron: 'issue #8 (jaareinde: afrekening per verstrekker); domain.md §5',
    beschrijving: 'Per verstrekker en wet over de afgesloten toekenningen van het jaar van --tot: gefinancierd, besteed, eigen bedragen, terug naar de verstrekker.',
    async build(db, p, head) {
      const t = (await yearEndTables(db, Number(p.tot.slice(0, 4)), p.scope.kind === 'verstrekker' ? p.scope.code : undefined)).jaarafrekening;
      return { ...head, kolommen: t.kolommen, rijen: t.rijen, toelichting: t.toelichting, grafiek: null };
    },
  },
} satisfies Record<string, ReportDef>;

export type ReportName = keyof typeof REPORTS;
export const REPORT_NAMES = Object.keys(REPORTS) as ReportName[];

export function isReportName(name: string): name is ReportName {
  return Object.hasOwn(REPORTS, name);
}

/** The default period: the three calendar months up to and including the month of `tot`. */
export function defaultPeriod(today: PlainDate, van?: string | null, tot?: string | null): { van: PlainDate; tot: PlainDate } {
  const end = (tot ?? today) as PlainDate;
  const y = Number(end.slice(0, 4));
  const m = Number(end.slice(5, 7)) - 2;
  const start = m >= 1 ? `${y}-${String(m).padStart(2, '0')}-01` : `${y - 1}-${String(m + 12).padStart(2, '0')}-01`;
  return { van: (van ?? start) as PlainDate, tot: end };
}

export async function runReport(db: Queryable, name: string, p: ReportParams): Promise<ReportTable> {
  if (!isReportName(name)) throw new AppError('INVOER_ONGELDIG', `onbekend rapport '${name}'; kies uit ${REPORT_NAMES.join(', ')}`);
  if (p.van > p.tot) throw new AppError('INVOER_ONGELDIG', `--van ${p.van} ligt na --tot ${p.tot}`);
  if (p.scope.kind !== 'alles' && p.scope.kind !== 'verstrekker') throw new AppError('INVOER_ONGELDIG', 'rapporten zijn er voor de backoffice, de auditdienst en verstrekkers');
  const def: ReportDef = REPORTS[name];
  return def.build(db, p, {
    naam: name,
    titel: def.titel,
    bron: def.bron,
    van: p.van,
    tot: p.tot,
    peildatum: p.peildatum,
    verstrekker: p.scope.kind === 'verstrekker' ? p.scope.code : null,
  });
}

/** Name, title, source and description of every report. */
export function reportList(): { naam: ReportName; titel: string; bron: string; beschrijving: string }[] {
  return REPORT_NAMES.map((naam) => ({ naam, titel: REPORTS[naam].titel, bron: REPORTS[naam].bron, beschrijving: REPORTS[naam].beschrijving }));
}
