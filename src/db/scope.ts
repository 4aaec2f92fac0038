import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../contract/access.ts';

/**
 * The SQL condition for a record scope, or null when everything is visible. `partnerColumn` is
 * the column holding the partner account (deals); without it a partner scope sees nothing.
 */
export function scopeCondition(scope: Scope, ownerColumn: string, partnerColumn?: string): RawBuilder<SqlBool> | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'none':
      return sql<SqlBool>`false`;
    case 'owners':
      if (scope.ownerIds.length === 0) return sql<SqlBool>`false`;
      return sql<SqlBool>`${sql.ref(ownerColumn)} in (${sql.join(scope.ownerIds.map((id) => sql`${id}::uuid`))})`;
    case 'partner':
      if (!partnerColumn) return sql<SqlBool>`false`;
      return sql<SqlBool>`${sql.ref(partnerColumn)} = ${scope.partnerAccountId}::uuid`;
  }
}
