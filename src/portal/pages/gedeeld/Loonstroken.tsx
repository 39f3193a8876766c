/**
 * Payslips on screen (issue #9), for the employer (a budget holder or their representative) and for
 * the carer: per employment (one carer with one holder) the payslips per month with gross, wage tax,
 * net and the employer's premiums, a correction marked with its differences, a link to each
 * payslip's PDF (`GET /api/loonstroken/:id`) and per year the annual statement's PDF
 * (`GET /api/budgethouders/:id/jaaropgave`). The API scopes the list to what the caller may see.
 */
import { ExternalLink, Heading, Paragraph, StatusBadge, Table, UnorderedList, ListItem } from '../../components/index.ts';
import { euro, maand } from '../../format.ts';

/** One payslip as `GET /api/loonstroken` lists it. */
export interface LoonstrookRegel {
  loonstrook_id: string;
  zorgovereenkomst_id: string;
  zorgverlener_id: string;
  zorgverlener_naam: string;
  budgethouder_id: number;
  budgethouder_naam: string;
  clientnummer: number;
  periode: string;
  versie: number;
  brutoloon: number;
  loonheffing: number;
  nettoloon: number;
  werkgeverspremies: number;
  verschil_bruto: number;
  verschil_loonheffing: number;
  verschil_premies: number;
}

interface Dienstverband {
  sleutel: string;
  budgethouder_id: number;
  budgethouder_naam: string;
  clientnummer: number;
  zorgverlener_id: string;
  zorgverlener_naam: string;
  stroken: LoonstrookRegel[];
  jaren: string[];
}

/** Payslips grouped by employment (carer and holder), each group newest month first. */
export function perDienstverband(items: readonly LoonstrookRegel[]): Dienstverband[] {
  const groepen = new Map<string, Dienstverband>();
  for (const s of items) {
    const sleutel = `${s.budgethouder_id}|${s.zorgverlener_id}`;
    let g = groepen.get(sleutel);
    if (!g) {
      g = { sleutel, budgethouder_id: s.budgethouder_id, budgethouder_naam: s.budgethouder_naam, clientnummer: s.clientnummer, zorgverlener_id: s.zorgverlener_id, zorgverlener_naam: s.zorgverlener_naam, stroken: [], jaren: [] };
      groepen.set(sleutel, g);
    }
    g.stroken.push(s);
    const jaar = s.periode.slice(0, 4);
    if (!g.jaren.includes(jaar)) g.jaren.push(jaar);
  }
  for (const g of groepen.values()) {
    g.stroken.sort((a, b) => (a.periode === b.periode ? b.versie - a.versie : a.periode < b.periode ? 1 : -1));
    g.jaren.sort().reverse();
  }
  return [...groepen.values()].sort((a, b) => a.zorgverlener_naam.localeCompare(b.zorgverlener_naam, 'nl') || a.budgethouder_naam.localeCompare(b.budgethouder_naam, 'nl'));
}

const plus = (c: number) => (c > 0 ? `+${euro(c)}` : euro(c));

function Versie({ s }: { s: LoonstrookRegel }) {
  if (s.versie === 1) return <>1</>;
  return (
    <>
      <StatusBadge status="warning">Correctie, versie {s.versie}</StatusBadge>
      <span className="pgb-loon-verschil">
        verschil: bruto {plus(s.verschil_bruto)}, loonheffing {plus(s.verschil_loonheffing)}, premies {plus(s.verschil_premies)}
      </span>
    </>
  );
}

/**
 * The payslips of every employment in `items`. `werkgever`: the holder's view (groups named by the
 * carer); otherwise the carer's view (groups named by the employer).
 */
export function LoonstrokenPerDienstverband({ items, werkgever }: { items: readonly LoonstrookRegel[]; werkgever: boolean }) {
  const groepen = perDienstverband(items);
  return (
    <>
      {groepen.map((g) => {
        const titel = werkgever ? `${g.zorgverlener_naam} (zorgverlener ${g.zorgverlener_id})` : `Werkgever ${g.budgethouder_naam} (cliëntnummer ${g.clientnummer})`;
        const kopId = `dv-${g.budgethouder_id}-${g.zorgverlener_id}`;
        return (
          <section key={g.sleutel} className="pgb-kaart pgb-sectie" aria-labelledby={kopId}>
            <Heading level={2} id={kopId}>
              {titel}
            </Heading>
            <Table
              caption={werkgever ? `Loonstroken van ${g.zorgverlener_naam}` : `Loonstroken bij ${g.budgethouder_naam}`}
              rowKey={(s) => s.loonstrook_id}
              rows={g.stroken}
              columns={[
                { key: 'maand', header: 'Maand', cell: (s) => maand(s.periode) },
                { key: 'versie', header: 'Versie', cell: (s) => <Versie s={s} /> },
                { key: 'bruto', header: 'Brutoloon', numeric: true, cell: (s) => euro(s.brutoloon) },
                { key: 'lh', header: 'Loonheffing', numeric: true, cell: (s) => euro(s.loonheffing) },
                { key: 'netto', header: 'Nettoloon', numeric: true, cell: (s) => euro(s.nettoloon) },
                { key: 'premies', header: 'Werkgeverspremies', numeric: true, cell: (s) => euro(s.werkgeverspremies) },
                {
                  key: 'pdf',
                  header: 'Loonstrook',
                  cell: (s) => (
                    <ExternalLink href={`/api/loonstroken/${encodeURIComponent(s.loonstrook_id)}`} target="_blank" rel="noopener" aria-label={`Loonstrook ${maand(s.periode)}${s.versie > 1 ? ` versie ${s.versie}` : ''} openen (PDF, nieuw venster)`}>
                      Openen (PDF)
                    </ExternalLink>
                  ),
                },
              ]}
            />
            <Heading level={3}>Jaaropgaven</Heading>
            <UnorderedList>
              {g.jaren.map((j) => (
                <ListItem key={j}>
                  <ExternalLink href={`/api/budgethouders/${g.budgethouder_id}/jaaropgave?zorgverlener=${encodeURIComponent(g.zorgverlener_id)}&jaar=${j}`} target="_blank" rel="noopener">
                    Jaaropgave {j} (PDF, nieuw venster)
                  </ExternalLink>
                  {Number(j) === new Date().getFullYear() && <Paragraph small>Het jaar loopt nog: de opgave telt de loonstroken tot nu toe.</Paragraph>}
                </ListItem>
              ))}
            </UnorderedList>
          </section>
        );
      })}
    </>
  );
}

/** What the columns mean, once under the tables. */
export function LoonUitleg({ werkgever }: { werkgever: boolean }) {
  return (
    <Paragraph small>
      Brutoloon is het afgesproken loon inclusief 8% vakantiegeld. Loonheffing wordt ingehouden en afgedragen aan de Belastingdienst; het nettoloon wordt {werkgever ? 'aan de zorgverlener' : 'aan u'} overgemaakt. De werkgeverspremies (WW, WIA, kinderopvang, Whk en de werkgeversheffing Zvw) komen ten laste van het budget, niet van het loon. Een correctie is een nieuwe versie van een maand, bijvoorbeeld na een latere declaratie over die maand; het verschil wordt met de volgende betaling verrekend.
    </Paragraph>
  );
}
