/**
 * One account for every role, tied to the people of the demo (`pgb demo`, src/cli/demo.ts): the
 * holder M. Jansen, a representative of P. de Vries and A. Visser, the provider Thuishulp De
 * Linde, the carer Lotte Mulder (employed by M. Jansen, paid through the payroll), staff of Gemeente Amsterdam and Zorgkantoor Zuid-Holland, the municipality's system, the
 * back office and the audit service. Accounts that exist already are left as they are; the
 * system's client gets a new secret on every call (it is shown only once).
 */
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../kernel/errors.ts';
import { syntheticBsn } from '../../../kernel/synthetic.ts';
import type { Role } from '../../../server/route.ts';
import { userByName, type UserRole } from '../repo.ts';
import { createApiClient, createUser } from './manage-accounts.ts';
import { hashPassword, passwordProblem } from '../core/passwords.ts';

/** The demo's password when PGB_DEMO_WACHTWOORD is not set: for the embedded demo only. */
export const DEFAULT_DEMO_PASSWORD = 'demo-wachtwoord-2026';
export const DEMO_API_CLIENT_ID = 'apc_demo_gm0363';

/** The demo's holders (src/cli/demo.ts makes them with these synthetic BSNs). */
const DEMO_BSN = { jansen: syntheticBsn(1), devries: syntheticBsn(2), visser: syntheticBsn(5) };

const DEMO_ACCOUNTS: { gebruikersnaam: string; naam: string; rol: UserRole; verstrekker?: string; zorgverlener?: string; budgethouders?: string[] }[] = [
  { gebruikersnaam: 'jansen', naam: 'M. Jansen', rol: 'budgethouder', budgethouders: [DEMO_BSN.jansen] },
  { gebruikersnaam: 'vertegenwoordiger', naam: 'L. de Vries (vertegenwoordiger)', rol: 'vertegenwoordiger', budgethouders: [DEMO_BSN.devries, DEMO_BSN.visser] },
  { gebruikersnaam: 'thuishulp-de-linde', naam: 'Thuishulp De Linde', rol: 'zorgverlener', zorgverlener: 'ZV-ZZP-1' },
  { gebruikersnaam: 'verzorgende-mulder', naam: 'Lotte Mulder', rol: 'zorgverlener', zorgverlener: 'ZV-PART-3' },
  { gebruikersnaam: 'gemeente-amsterdam', naam: 'Medewerker Gemeente Amsterdam', rol: 'verstrekker', verstrekker: 'GM0363' },
  { gebruikersnaam: 'zorgkantoor-zuid-holland', naam: 'Medewerker Zorgkantoor Zuid-Holland', rol: 'verstrekker', verstrekker: 'ZK5501' },
  { gebruikersnaam: 'backoffice', naam: 'Medewerker backoffice', rol: 'backoffice' },
  { gebruikersnaam: 'auditor', naam: 'Auditdienst', rol: 'auditor' },
];

export interface DemoAccounts {
  accounts: { gebruikersnaam: string; naam: string; rol: Role; nieuw: boolean }[];
  apiClient: { clientId: string; secret: string; verstrekker: string };
}

export async function createDemoAccounts(db: Db, o: { password: string; actor: string; now?: Date }): Promise<DemoAccounts> {
  const holders = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM budgethouders WHERE bsn = ANY($1::text[])`, [Object.values(DEMO_BSN)]);
  if (holders.rows[0]!.n !== Object.values(DEMO_BSN).length) {
    throw new AppError('NIET_GEVONDEN', 'de demogegevens ontbreken: maak eerst de demodatabase (pgb demo)');
  }
  const weak = passwordProblem(o.password);
  if (weak) throw new AppError('INVOER_ONGELDIG', `demowachtwoord: ${weak}`);
  const hash = await hashPassword(o.password); // one hash for all: they share the password anyway
  const accounts: DemoAccounts['accounts'] = [];
  for (const a of DEMO_ACCOUNTS) {
    const exists = (await userByName(db, a.gebruikersnaam)) !== undefined;
    if (!exists) await createUser(db, { ...a, wachtwoordHash: hash, actor: o.actor, ...(o.now ? { now: o.now } : {}) });
    accounts.push({ gebruikersnaam: a.gebruikersnaam, naam: a.naam, rol: a.rol, nieuw: !exists });
  }
  const client = await createApiClient(db, { clientId: DEMO_API_CLIENT_ID, naam: 'Systeem Gemeente Amsterdam (demo)', verstrekker: 'GM0363', actor: o.actor, ...(o.now ? { now: o.now } : {}) });
  accounts.push({ gebruikersnaam: client.clientId, naam: 'Systeem Gemeente Amsterdam (demo)', rol: 'verstrekker_systeem', nieuw: true });
  return { accounts, apiClient: { ...client, verstrekker: 'GM0363' } };
}
