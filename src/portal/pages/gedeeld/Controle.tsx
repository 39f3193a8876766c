/** The ledger check (`pgb controle`) on screen, for the back office and the auditor. */
import { api } from '../../api.ts';
import { Alert, Fout, Heading, Laden, Paragraph, StatusBadge, Table, useData } from '../../components/index.ts';

interface Controle {
  ok: boolean;
  controles: { naam: string; ok: boolean; afwijkingen: unknown[] }[];
  totalen: { journaalposten: number; boekingen: number; rekeningen: number };
}

export function ControlePagina() {
  const d = useData((signal) => api.get<Controle>('/api/controle', { signal }), []);
  return (
    <>
      <Heading level={1}>Controle van het grootboek</Heading>
      <Paragraph lead>Elke invariant van de dubbele boekhouding, nu gecontroleerd op de hele database.</Paragraph>
      {d.laden && <Laden wat="de controle" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          {d.data.ok ? (
            <Alert type="ok" titel="Het grootboek klopt">
              <Paragraph>
                Alle {d.data.controles.length} controles zijn in orde: {d.data.totalen.journaalposten.toLocaleString('nl-NL')} journaalposten, {d.data.totalen.boekingen.toLocaleString('nl-NL')} boekingen op{' '}
                {d.data.totalen.rekeningen.toLocaleString('nl-NL')} rekeningen.
              </Paragraph>
            </Alert>
          ) : (
            <Alert type="error" titel="Het grootboek wijkt af">
              <Paragraph>{d.data.controles.filter((c) => !c.ok).length} controle(s) vinden afwijkingen. Zie de tabel.</Paragraph>
            </Alert>
          )}
          <Table
            caption="Controles"
            columns={[
              { key: 'naam', header: 'Controle', cell: (c: Controle['controles'][number]) => c.naam },
              { key: 'ok', header: 'Uitkomst', cell: (c) => (c.ok ? <StatusBadge status="success">in orde</StatusBadge> : <StatusBadge status="danger">{c.afwijkingen.length} afwijking(en)</StatusBadge>) },
              { key: 'afw', header: 'Afwijkingen', cell: (c) => (c.ok ? '—' : c.afwijkingen.slice(0, 5).map((a) => JSON.stringify(a)).join('; ')) },
            ]}
            rows={d.data.controles}
            rowKey={(c) => c.naam}
          />
        </>
      )}
    </>
  );
}
