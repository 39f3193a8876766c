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
  /** `pgb serve`: the port (0 lets the system choose) and the address to listen on. */
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
  /**
   * The address people and systems reach the server on (`https://…` in production). Session
   * cookies are `Secure` unless this is plain http on localhost, or, when it is not set, unless
   * the server listens on a loopback address only.
   */
  publicUrl: z
    .url({ protocol: /^https?$/ })
    .refine((v) => v.startsWith('https://') || isLoopbackUrl(v), 'PGB_PUBLIEKE_URL: gewoon http mag alleen op localhost; gebruik https://')
    .optional(),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (sign-in rate limits). */
  trustProxy: z.stringbool().default(false),
  /** Signs short-lived cookies (the OpenID Connect state); at least 32 characters. Random per start when unset. */
  sessionSecret: z.string().min(32, 'PGB_SESSIE_GEHEIM: minstens 32 tekens').optional(),
  /** A session ends after this many minutes without a request, and after this many hours at most. */
  sessionIdleMinutes: z.coerce.number().int().min(1).max(24 * 60).default(30),
  sessionMaxHours: z.coerce.number().int().min(1).max(7 * 24).default(12),
  /** OpenID Connect (DigiD and eHerkenning through a broker): all four or none. */
  oidcIssuer: z.url().optional(),
  oidcClientId: z.string().min(1).optional(),
  oidcClientSecret: z.string().min(1).optional(),
  oidcRedirectUri: z.url().optional(),
  /** The password of the demo accounts; the demo uses its own default when unset. */
  demoPassword: z.string().min(12, 'PGB_DEMO_WACHTWOORD: minstens 12 tekens').optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Who a command acts as in the audit trail, when not given with --actor. */
  actor: z.string().min(1).default('cli'),
  /** E-mail (`pgb mail --verzend`): the SMTP server; without a host the outbox only fills. Port 465 is TLS from the start, others STARTTLS when offered. */
  smtpHost: z.string().min(1).optional(),
  smtpPort: z.coerce.number().int().min(1).max(65535).default(587),
  smtpUser: z.string().min(1).optional(),
  smtpPass: z.string().min(1).optional(),
  smtpFrom: z.string().min(3).default('PGB-platform <noreply@pgb.invalid>'),
  /** A budget signal goes out when less than this share (whole percent) of the budget is left. */
  signalRemainingPercent: z.coerce.number().int().min(0).max(100).default(10),
}).superRefine((c, ctx) => {
  const oidc = [c.oidcIssuer, c.oidcClientId, c.oidcClientSecret, c.oidcRedirectUri];
  if (oidc.some((v) => v !== undefined) && !oidc.every((v) => v !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['oidc'], message: 'PGB_OIDC_ISSUER, PGB_OIDC_CLIENT_ID, PGB_OIDC_CLIENT_SECRET en PGB_OIDC_REDIRECT_URI horen samen: zet ze alle vier of geen' });
  }
});

export type Config = z.infer<typeof schema>;

function isLoopbackUrl(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && isLoopbackHost(u.hostname);
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Whether session cookies carry `Secure`: always, unless the configuration says plain http on localhost. */
export function cookiesSecure(config: Config): boolean {
  if (config.publicUrl) return !isLoopbackUrl(config.publicUrl);
  return !isLoopbackHost(config.host);
}

/** The OpenID Connect settings when all four are set. */
export function oidcSettings(config: Config): { issuer: string; clientId: string; clientSecret: string; redirectUri: string } | undefined {
  const { oidcIssuer: issuer, oidcClientId: clientId, oidcClientSecret: clientSecret, oidcRedirectUri: redirectUri } = config;
  return issuer && clientId && clientSecret && redirectUri ? { issuer, clientId, clientSecret, redirectUri } : undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const result = schema.safeParse({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.PGB_DATA_DIR || undefined,
    debtorName: env.PGB_DEBITEUR_NAAM || undefined,
    debtorIban: env.PGB_DEBITEUR_IBAN || undefined,
    debtorBic: env.PGB_DEBITEUR_BIC || undefined,
    port: env.PORT || undefined,
    host: env.PGB_HOST || undefined,
    publicUrl: env.PGB_PUBLIEKE_URL || undefined,
    trustProxy: env.PGB_PROXY_VERTROUWEN || undefined,
    sessionSecret: env.PGB_SESSIE_GEHEIM || undefined,
    sessionIdleMinutes: env.PGB_SESSIE_INACTIEF_MINUTEN || undefined,
    sessionMaxHours: env.PGB_SESSIE_MAX_UREN || undefined,
    oidcIssuer: env.PGB_OIDC_ISSUER || undefined,
    oidcClientId: env.PGB_OIDC_CLIENT_ID || undefined,
    oidcClientSecret: env.PGB_OIDC_CLIENT_SECRET || undefined,
    oidcRedirectUri: env.PGB_OIDC_REDIRECT_URI || undefined,
    demoPassword: env.PGB_DEMO_WACHTWOORD || undefined,
    logLevel: env.PGB_LOG_NIVEAU || undefined,
    actor: env.PGB_ACTOR || (env.USER ? `cli:${env.USER}` : undefined),
    smtpHost: env.PGB_SMTP_HOST || undefined,
    smtpPort: env.PGB_SMTP_PORT || undefined,
    smtpUser: env.PGB_SMTP_USER || undefined,
    smtpPass: env.PGB_SMTP_PASS || undefined,
    smtpFrom: env.PGB_SMTP_FROM || undefined,
    signalRemainingPercent: env.PGB_SIGNAAL_RESTANT_PROCENT || undefined,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`ongeldige configuratie:\n${lines.join('\n')}`);
  }
  return result.data;
}
