/** Access: accounts, sessions, API clients, sign-in (password and OpenID Connect). */
export { toegangRoutes, SESSION_COOKIE, OIDC_COOKIE } from './http/routes.ts';
export { sessionCaller, bearerCaller, principalOf, type SessionCaller, type SessionSettings } from './use-cases/sessions.ts';
export { signIn } from './use-cases/sign-in.ts';
export { createUser, setPassword, deactivateUser, createApiClient, revokeApiClient, USER_ROLES, type CreateUserOptions } from './use-cases/manage-accounts.ts';
export { createDemoAccounts, DEFAULT_DEMO_PASSWORD, DEMO_API_CLIENT_ID, type DemoAccounts } from './use-cases/create-demo-accounts.ts';
export { MAX_FAILURES, FAILURE_WINDOW_MS } from './core/rules.ts';
export type { UserRole } from './repo.ts';
