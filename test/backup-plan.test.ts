import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson } from '../src/modules/backup/backup-format.ts';
import { deferrableColumns, loadOrder, type ColumnInfo, type TableInfo } from '../src/modules/backup/backup-plan.ts';

const col = (name: string, opts: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  type: 'uuid',
  kind: 'native',
  notNull: false,
  inCheck: false,
  identityAlways: false,
  sequence: null,
  ...opts,
});

const table = (name: string, columns: ColumnInfo[], fks: [string, string[], string][] = []): TableInfo => ({
  name,
  columns: [col('id', { notNull: true }), ...columns],
  primaryKey: ['id'],
  foreignKeys: fks.map(([fkName, cols, parent]) => ({ name: fkName, columns: cols, parent })),
});

describe('load order', () => {
  it('puts parents first and leaves tables outside a cycle alone', () => {
    const tables = [
      table('deals', [col('owner_id')], [['deals_owner', ['owner_id'], 'users']]),
      table(
        'users',
        [col('team_id'), col('manager_id')],
        [
          ['users_team', ['team_id'], 'teams'],
          ['users_manager', ['manager_id'], 'users'],
        ],
      ),
      table('teams', [col('manager_id')], [['teams_manager', ['manager_id'], 'users']]),
    ];
    // users ↔ teams is broken at teams (first by name); deals waits for users.
    expect(loadOrder(tables)).toEqual(['teams', 'users', 'deals']);
  });

  it('never breaks a cycle at a column that is NOT NULL or part of a CHECK', () => {
    const users = table(
      'users',
      [col('partner_account_id', { inCheck: true })],
      [['users_partner', ['partner_account_id'], 'accounts']],
    );
    const accounts = table('accounts', [col('owner_id')], [['accounts_owner', ['owner_id'], 'users']]);
    expect(loadOrder([users, accounts])).toEqual(['accounts', 'users']);
    const fk = users.foreignKeys[0];
    expect(fk && deferrableColumns(users, fk)).toBeNull();
    const stuck = table('a', [col('b_id', { notNull: true })], [['a_b', ['b_id'], 'b']]);
    const other = table('b', [col('a_id', { notNull: true })], [['b_a', ['a_id'], 'a']]);
    expect(() => loadOrder([stuck, other])).toThrow(/cycle/);
  });
});

describe('json values in a backup', () => {
  it('keeps SQL NULL, json null and look-alike objects apart', () => {
    for (const text of ['null', '{"$json":null}', '{"$json":{"a":1}}', '[1,"x"]', '"s"', '{"a":{"$json":2}}']) {
      const encoded = encodeJson(text);
      expect(decodeJson(JSON.parse(JSON.stringify(encoded)))).toBe(JSON.stringify(JSON.parse(text)));
    }
    expect(encodeJson(null)).toBeNull();
    expect(decodeJson(null)).toBeNull();
    expect(encodeJson('null')).toEqual({ $json: null });
  });
});
