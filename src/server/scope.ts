/**
 * What a caller may see, as data that repositories turn into SQL filters. The back office and the
 * auditor see everything; a funder sees the holders it granted a budget to; a holder or
 * representative sees the holders they act for; a provider sees its own agreements and claims.
 */
import type { Principal } from './route.ts';

export type Scope =
  | { kind: 'alles' }
  | { kind: 'verstrekker'; code: string }
  | { kind: 'budgethouders'; ids: number[] }
  | { kind: 'zorgverlener'; id: string };

export function scopeOf(p: Principal | null): Scope {
  if (!p) return { kind: 'budgethouders', ids: [] };
  switch (p.rol) {
    case 'backoffice':
    case 'auditor':
      return { kind: 'alles' };
    case 'verstrekker':
    case 'verstrekker_systeem':
      return { kind: 'verstrekker', code: p.verstrekker ?? '' };
    case 'budgethouder':
    case 'vertegenwoordiger':
      return { kind: 'budgethouders', ids: p.budgethouders };
    case 'zorgverlener':
      return { kind: 'zorgverlener', id: p.zorgverlener ?? '' };
  }
}

/** The audit actor for a caller: `gebruiker:<id> (<rol>)` or `systeem:<client> (<rol>)`. */
export function actorOf(p: Principal | null): string {
  return p ? `${p.kind}:${p.id} (${p.rol})` : 'anoniem';
}

/**
 * A SQL condition (with parameters starting at `$n`) that is true for rows of holders the scope
 * may see. `holder` and `wet` are the SQL expressions of the row's holder id and (optional) law.
 */
export function holderFilter(scope: Scope, holder: string, n: number, wet?: string): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'alles':
      return { sql: 'true', params: [] };
    case 'budgethouders':
      return { sql: `${holder} = ANY($${n}::bigint[])`, params: [scope.ids] };
    case 'verstrekker':
      return {
        sql: `EXISTS (SELECT 1 FROM budgetten sb WHERE sb.budgethouder_id = ${holder} AND sb.verstrekker = $${n}${wet ? ` AND sb.wet = ${wet}` : ''})`,
        params: [scope.code],
      };
    case 'zorgverlener':
      return { sql: `EXISTS (SELECT 1 FROM zorgovereenkomsten sz WHERE sz.budgethouder_id = ${holder} AND sz.zorgverlener_id = $${n} AND sz.status <> 'concept')`, params: [scope.id] };
  }
}
