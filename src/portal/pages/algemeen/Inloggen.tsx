/**
 * Sign in with user name and password (POST /api/sessie), or through OpenID Connect (DigiD,
 * eHerkenning via a broker) when the server has it configured (GET /api/inlogopties). After
 * signing in: back to the page that asked for it (`terug`), else the start of one's portal.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, ApiFout, foutmelding } from '../../api.ts';
import { useSessie } from '../../sessie.tsx';
import { portaalVoor } from '../../rollen/index.ts';
import { Alert, Button, ExternalLink, Form, Heading, Paragraph, TextField } from '../../components/index.ts';

interface InlogOpties {
  oidc: boolean;
}

/** Only a path on this server (never another site) is a place to return to. */
function veiligTerug(t: string | null): string | null {
  return t && t.startsWith('/') && !t.startsWith('//') ? t : null;
}

export function Inloggen() {
  const { sessie, verlopen, uitgelogd, inloggen } = useSessie();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const terug = veiligTerug(params.get('terug'));
  const [naam, setNaam] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [fouten, setFouten] = useState<{ gebruikersnaam?: string; wachtwoord?: string }>({});
  const [melding, setMelding] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [opties, setOpties] = useState<InlogOpties>({ oidc: false });
  const meldingRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    api.get<InlogOpties>('/api/inlogopties').then(setOpties, () => setOpties({ oidc: false }));
  }, []);

  if (sessie && !bezig) {
    const p = portaalVoor(sessie.principal.rol);
    if (p) return <Navigate to={terug ?? p.basis} replace />;
  }

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    const f: typeof fouten = {};
    if (!naam.trim()) f.gebruikersnaam = 'Vul uw gebruikersnaam in.';
    if (!wachtwoord) f.wachtwoord = 'Vul uw wachtwoord in.';
    setFouten(f);
    setMelding(null);
    if (f.gebruikersnaam || f.wachtwoord) {
      document.getElementById(f.gebruikersnaam ? 'gebruikersnaam' : 'wachtwoord')?.focus();
      return;
    }
    setBezig(true);
    try {
      const s = await inloggen(naam.trim(), wachtwoord);
      const p = portaalVoor(s.principal.rol);
      if (!p) {
        setMelding('Met dit account kunt u niet in het portaal inloggen (het is voor een systeem met een API-sleutel).');
        setBezig(false);
        return;
      }
      navigate(terug ?? p.basis, { replace: true });
    } catch (err) {
      setBezig(false);
      setMelding(err instanceof ApiFout ? err.probleem.detail : foutmelding(err));
      setWachtwoord('');
      queueMicrotask(() => meldingRef.current?.focus());
    }
  }

  return (
    <div className="pgb-smal">
      <Heading level={1}>Inloggen</Heading>
      {verlopen && (
        <Alert type="warning" titel="Uw sessie is verlopen">
          <Paragraph>U was een tijd niet actief. Log opnieuw in; u komt terug op de pagina waar u was.</Paragraph>
        </Alert>
      )}
      {params.get('uitgelogd') && uitgelogd && !verlopen && (
        <Alert type="ok">
          <Paragraph>U bent uitgelogd.</Paragraph>
        </Alert>
      )}
      <div ref={meldingRef} tabIndex={-1}>
        {melding && (
          <Alert type="error" titel="Inloggen is niet gelukt">
            <Paragraph>{melding}</Paragraph>
          </Alert>
        )}
      </div>
      {opties.oidc && (
        <>
          <Paragraph>
            <ExternalLink href={`/api/oidc/login?terug=${encodeURIComponent(terug ?? '/')}`} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
              Inloggen met DigiD of eHerkenning
            </ExternalLink>
          </Paragraph>
          <Heading level={2}>Of met gebruikersnaam en wachtwoord</Heading>
        </>
      )}
      <Form onSubmit={verstuur}>
        <TextField id="gebruikersnaam" label="Gebruikersnaam" required value={naam} onChange={setNaam} error={fouten.gebruikersnaam} autoComplete="username" />
        <TextField id="wachtwoord" label="Wachtwoord" type="password" required value={wachtwoord} onChange={setWachtwoord} error={fouten.wachtwoord} autoComplete="current-password" />
        <Button type="submit" appearance="primary-action" busy={bezig}>
          Inloggen
        </Button>
      </Form>
    </div>
  );
}
