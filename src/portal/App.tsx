/**
 * The app's frame: the router, the sign-in guard, and per portal (rollen/) its routes, header,
 * navigation and footer. After every page change the document title says where one is and focus
 * moves to the page's content, so a screen reader and a keyboard start at the top of the new page.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SessieProvider, useSessie } from './sessie.tsx';
import { PORTALEN, portaalVoor } from './rollen/index.ts';
import { pad, type Pagina, type Portaal } from './rollen/portaal.ts';
import { Button, Heading, Laden, Link, NavBar, NavItem, NavLink, PageBody, PageFooter, PageHeader, Paragraph, SkipLink, ExternalLink } from './components/index.ts';
import { Inloggen } from './pages/algemeen/Inloggen.tsx';
import { NietGevonden } from './pages/algemeen/NietGevonden.tsx';

export function App() {
  return (
    <BrowserRouter>
      <SessieProvider>
        <Routes>
          <Route path="/inloggen" element={<Kaal titel="Inloggen"><Inloggen /></Kaal>} />
          <Route path="/" element={<NaarStart />} />
          {PORTALEN.map((p) => (
            <Route key={p.basis} path={`${p.basis}/*`} element={<Bewaakt portaal={p} />} />
          ))}
          <Route path="*" element={<Kaal titel="Niet gevonden"><NietGevonden /></Kaal>} />
        </Routes>
      </SessieProvider>
    </BrowserRouter>
  );
}

/** `/`: to the start page of one's portal, or to sign in. */
function NaarStart() {
  const { sessie } = useSessie();
  if (sessie === undefined) return <Kaal titel="Laden"><Laden wat="uw sessie" /></Kaal>;
  if (!sessie) return <Navigate to="/inloggen" replace />;
  const p = portaalVoor(sessie.principal.rol);
  if (!p) return <Navigate to="/inloggen" replace />;
  return <Navigate to={p.basis} replace />;
}

/** A portal's pages, only for a signed-in person whose role uses it. */
function Bewaakt({ portaal }: { portaal: Portaal }) {
  const { sessie, uitgelogd } = useSessie();
  const location = useLocation();
  if (sessie === undefined) return <Kaal titel="Laden"><Laden wat="uw sessie" /></Kaal>;
  if (!sessie && uitgelogd) return <Navigate to="/inloggen?uitgelogd=1" replace />;
  if (!sessie) return <Navigate to={`/inloggen?terug=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!portaal.rollen.includes(sessie.principal.rol)) {
    const eigen = portaalVoor(sessie.principal.rol);
    return <Navigate to={eigen ? eigen.basis : '/inloggen'} replace />;
  }
  const Omgeving = portaal.Omgeving ?? Geen;
  return (
    <Omgeving>
      <Kader portaal={portaal}>
        <Routes>
          {portaal.paginas.map((pg) => (
            <Route key={pg.pad} path={pg.pad === '' ? '/' : pg.pad} element={<PaginaMetTitel pagina={pg} portaal={portaal} />} />
          ))}
          <Route path="*" element={<Titel titel="Niet gevonden"><NietGevonden /></Titel>} />
        </Routes>
      </Kader>
    </Omgeving>
  );
}

function Geen({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

function PaginaMetTitel({ pagina, portaal }: { pagina: Pagina; portaal: Portaal }) {
  const C = pagina.Component;
  return (
    <Titel titel={`${pagina.titel} – ${portaal.naam}`}>
      <C />
    </Titel>
  );
}

/** Sets the document title; moves focus to the main content when the page changes. */
function Titel({ titel, children }: { titel: string; children: ReactNode }) {
  const location = useLocation();
  const eerste = useRef(true);
  useEffect(() => {
    document.title = `${titel} – PGB-platform`;
  }, [titel]);
  useEffect(() => {
    if (eerste.current) {
      eerste.current = false;
      return;
    }
    document.getElementById('inhoud')?.focus();
  }, [location.pathname]);
  return <>{children}</>;
}

/** The frame of a portal: skip link, header with who is signed in, navigation, content, footer. */
function Kader({ portaal, children }: { portaal: Portaal; children: ReactNode }) {
  const { sessie, uitloggen } = useSessie();
  const menu = portaal.paginas.filter((p) => p.menu);
  return (
    <div className="utrecht-page-layout pgb-pagina">
      <SkipLink />
      <PageHeader>
        <div className="pgb-kop__merk">
          <Link to={portaal.basis} className="pgb-kop__naam">
            {portaal.naam}
          </Link>
          <span className="pgb-kop__platform">PGB-platform</span>
        </div>
        <div className="pgb-kop__gebruiker">
          <span>
            Ingelogd als <strong>{sessie?.principal.naam}</strong>
          </span>
          <Button appearance="subtle" onClick={() => void uitloggen()}>
            Uitloggen
          </Button>
        </div>
        {portaal.Kop && <portaal.Kop />}
      </PageHeader>
      {menu.length > 1 && (
        <NavBar label={`Menu ${portaal.naam}`}>
          {menu.map((p) => (
            <NavItem key={p.pad}>
              <NavLink to={pad(portaal.basis, p.pad)} end={p.pad === ''}>
                {p.menu}
              </NavLink>
            </NavItem>
          ))}
        </NavBar>
      )}
      <PageBody>{children}</PageBody>
      <Voet />
    </div>
  );
}

/** A page without a portal (sign in, not found). */
function Kaal({ titel, children }: { titel: string; children: ReactNode }) {
  return (
    <div className="utrecht-page-layout pgb-pagina">
      <SkipLink />
      <PageHeader>
        <div className="pgb-kop__merk">
          <span className="pgb-kop__naam">PGB-platform</span>
          <span className="pgb-kop__platform">Persoonsgebonden budget, trekkingsrecht</span>
        </div>
      </PageHeader>
      <PageBody>
        <Titel titel={titel}>{children}</Titel>
      </PageBody>
      <Voet />
    </div>
  );
}

function Voet() {
  return (
    <PageFooter>
      <Heading level={2} className="pgb-visueel-verborgen">
        Over deze website
      </Heading>
      <Paragraph small>
        PGB-platform voor het trekkingsrecht: betalingen binnen 10 werkdagen, elke declaratie te volgen van ontvangst tot betaling.
      </Paragraph>
      <Paragraph small>
        <ExternalLink href="/api/docs">Documentatie van de API</ExternalLink>
      </Paragraph>
    </PageFooter>
  );
}
