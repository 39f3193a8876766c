/**
 * How every HTTP route is declared: its method and path, who may call it, the zod schemas that
 * validate its input (and generate the OpenAPI document), and a handler that only parses,
 * authorises and calls a use case. The server refuses to start with a route that declares no
 * access rule, and the access-matrix test enumerates `ROUTES` to try each one as every role.
 *
 * Scoping: a route's `access.roles` says which roles may call it at all; what a caller may see
 * within it (their own holders, their funder's holders, their own agreements) is the handler's
 * business, and what a caller may not see answers 404 (`notFound`), never 403.
 */
import type { z } from 'zod';
import type { Db } from '../db/connection.ts';
import type { Config } from '../config/index.ts';

export const ROLES = [
  'budgethouder', // a budget holder acting for themselves
  'vertegenwoordiger', // a representative acting for one or more holders
  'zorgverlener', // a care provider (its staff)
  'verstrekker', // a funder's staff, scoped to that funder
  'verstrekker_systeem', // a funder's system with a machine credential, scoped to that funder
  'backoffice', // the operator
  'auditor', // the audit service: reads only
] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as established by sign-in (session cookie) or a machine credential. */
export interface Principal {
  kind: 'gebruiker' | 'systeem';
  id: string;
  naam: string;
  rol: Role;
  /** the funder code for `verstrekker` and `verstrekker_systeem` */
  verstrekker: string | null;
  /** the provider id for `zorgverlener` */
  zorgverlener: string | null;
  /** the holders (budgethouders.id) a `budgethouder` or `vertegenwoordiger` acts for */
  budgethouders: number[];
}

export type Access = { roles: readonly Role[] } | 'public';

export interface HandlerContext<B, P, Q> {
  principal: Principal | null;
  body: B;
  params: P;
  query: Q;
  db: Db;
  config: Config;
  /** the audit actor string for this caller, e.g. `gebruiker:42 (backoffice)` */
  actor: string;
  now: Date;
  /** what few handlers need of the request itself (sign-in: the client address and cookies) */
  request: RequestInfo;
}

export interface RequestInfo {
  /** the client address (X-Forwarded-For only when PGB_PROXY_VERTROUWEN is set) */
  ip: string;
  headers: Record<string, string | string[] | undefined>;
  cookies: Record<string, string | undefined>;
}

/** A cookie for the reply. The server always makes it HttpOnly, and Secure unless it runs on plain http on localhost. */
export interface CookieToSet {
  name: string;
  value: string;
  /** seconds; 0 removes the cookie */
  maxAge: number;
  path?: string;
  sameSite?: 'strict' | 'lax';
}

export interface HandlerResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** raw payload (a file download): sent as is with its content type */
  raw?: { contentType: string; data: string | Buffer; filename?: string };
  cookies?: CookieToSet[];
}

export interface RouteSpec<B = unknown, P = unknown, Q = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  /** true for routes that change state (every POST/PUT/PATCH/DELETE): the access test checks nothing changed when refused */
  changesState?: boolean;
  body?: z.ZodType<B>;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** request body types other than JSON: 'text/csv' or 'application/xml' (the body arrives as a string) */
  rawBody?: 'text/csv' | 'application/xml';
  response?: Record<number, z.ZodType>;
  handler: (ctx: HandlerContext<B, P, Q>) => Promise<HandlerResult>;
}

export function defineRoute<B = undefined, P = undefined, Q = undefined>(spec: RouteSpec<B, P, Q>): RouteSpec<B, P, Q> {
  return spec;
}

/** Thrown by handlers for what the caller may not see or that does not exist: answers 404. */
export class NotFoundError extends Error {}
export function notFound(what = 'niet gevonden'): never {
  throw new NotFoundError(what);
}
