/**
 * All settings, in one typed schema, read once at start. Nothing else reads the environment.
 */
import { z } from 'zod';
import { normalizeIban } from '../kernel/identifiers.ts';

const schema = z.object({
  /** postgres://… selects a PostgreSQL server; otherwise PGlite in `dataDir`. */
  databaseUrl: z.string().startsWith('postgres').optional(),
  dataDir: z.string().min(1).default('./data'),
  /** The operator's own account, the debtor of every payment run. */
  debtorName: z.string().min(1).max(70).default('PGB Trekkingsrecht Betaalbureau'),
  /** No default: a payment run without a configured account is refused (CONFIGURATIE). */
  debtorIban: z
    .string()
    .refine((v) => normalizeIban(v) !== undefined, 'PGB_DEBITEUR_IBAN is geen geldig IBAN')
    .transform((v) => normalizeIban(v)!)
    .optional(),
  debtorBic: z.string().regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/).optional(),
  port: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Who a command acts as in the audit trail, when not given with --actor. */
  actor: z.string().min(1).default('cli'),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const result = schema.safeParse({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.PGB_DATA_DIR || undefined,
    debtorName: env.PGB_DEBITEUR_NAAM || undefined,
    debtorIban: env.PGB_DEBITEUR_IBAN || undefined,
    debtorBic: env.PGB_DEBITEUR_BIC || undefined,
    port: env.PORT || undefined,
    actor: env.PGB_ACTOR || (env.USER ? `cli:${env.USER}` : undefined),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`ongeldige configuratie:\n${lines.join('\n')}`);
  }
  return result.data;
}
