/** The audit trail, read only: who did what, when and why, newest first, by subject or kind of action. */
import { useState } from 'react';
import { api, query } from '../../api.ts';
import { leesbaar, moment } from '../../format.ts';
import { Button, ButtonGroup, Fout, Form, Heading, Laden, Paragraph, Table, TextField, useData } from '../../components/index.ts';

interface AuditRij {
  id: number;
  op: string;
  actor: string;
  actie: string;
  onderwerp: string;
  reden: string | null;
  details: unknown;
}

const PAGINA = 50;

export function AudittrailPagina() {
  const [onderwerp, setOnderwerp] = useState('');
  const [actie, setActie] = useState('');
  const [filter, setFilter] = useState({ onderwerp: '', actie: '' });
  const [offset, setOffset] = useState(0);
  const d = useData((signal) => api.get<{ items: AuditRij[] }>(`/api/audit${query({ ...filter, limit: PAGINA, offset })}`, { signal }), [filter.onderwerp, filter.actie, offset]);
  return (
    <>
      <Heading level={1}>Audittrail</Heading>
      <Paragraph lead>Elke wijziging in het platform, met wie, wanneer, wat en waarom; nieuwste eerst. Ook elke inzage van een volledig BSN (actie bsn.inzage).</Paragraph>
      <Form
        aria-label="Audittrail filteren"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setFilter({ onderwerp: onderwerp.trim(), actie: actie.trim() });
        }}
      >
        <div className="pgb-inline">
          <TextField id="onderwerp" label="Onderwerp" description="Bijvoorbeeld een betaalrun, zorgovereenkomst of budgethouder:12" value={onderwerp} onChange={setOnderwerp} />
          <TextField id="actie" label="Actie" description="Bijvoorbeeld import, betaalrun.start of bsn.inzage" value={actie} onChange={setActie} />
          <Button type="submit" appearance="primary-action">
            Filteren
          </Button>
        </div>
      </Form>
      {d.laden && <Laden wat="de audittrail" />}
      {d.fout != null && <Fout fout={d.fout} opnieuw={d.opnieuw} />}
      {d.data && (
        <>
          <Table
            caption="Audittrail"
            captionHidden
            empty="Geen regels bij dit filter."
            columns={[
              { key: 'op', header: 'Wanneer', cell: (a: AuditRij) => moment(a.op) },
              { key: 'actie', header: 'Actie', cell: (a) => a.actie },
              { key: 'onderwerp', header: 'Onderwerp', cell: (a) => a.onderwerp },
              { key: 'actor', header: 'Door', cell: (a) => a.actor },
              { key: 'reden', header: 'Reden', cell: (a) => (a.reden ? leesbaar(a.reden) : '—') },
            ]}
            rows={d.data.items}
            rowKey={(a) => String(a.id ?? `${a.op}-${a.onderwerp}-${d.data!.items.indexOf(a)}`)}
          />
          <ButtonGroup>
            <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGINA))}>
              Nieuwere
            </Button>
            <Button disabled={d.data.items.length < PAGINA} onClick={() => setOffset(offset + PAGINA)}>
              Oudere
            </Button>
          </ButtonGroup>
        </>
      )}
    </>
  );
}
