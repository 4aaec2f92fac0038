import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkCopy, CopyValueError, encodeCopyValue, type CopyValue } from '../src/db/bulk-copy.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';

let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps.cleanup());

const columns = ['id', 'label', 'note', 'doc', 'at', 'amount', 'flag', 'big'] as const;
type Row = {
  id: number;
  label: string | null;
  note: string | null;
  doc: unknown;
  at: Date | null;
  amount: string | null;
  flag: boolean | null;
  big: number | null;
};

const awkward: readonly CopyValue[][] = [
  [
    1,
    '',
    null,
    { a: 'x\ty', 'b\\': ['line\nbreak', null, 'quote "q" \'s\''] },
    new Date('2026-03-01T12:34:56.789Z'),
    '12345678901234567.89',
    true,
    9_007_199_254_740_991n,
  ],
  [2, null, '', [], new Date('1999-12-31T23:59:59.000Z'), '-0.01', false, 0],
  [3, '\\N', '\\.', { nested: { deep: '\\backslash\\' } }, null, '0', null, -1],
  [4, 'tab\there', 'cr\r\nlf', JSON.stringify('just a string'), new Date(0), null, true, null],
  [5, 'ünïcødé ✓ 𝄞', ',;"\'|', { emoji: '🙂', n: 1.5, t: true }, new Date('2026-11-27T00:00:00Z'), '7', false, 42],
];

async function freshTable(name: string): Promise<void> {
  await sql
    .raw(
      `create table ${name} (id integer primary key, label text, note text, doc jsonb, at timestamptz, amount numeric(20,2), flag boolean, big bigint, filled text not null default 'dflt')`,
    )
    .execute(deps.db);
}

async function read(name: string): Promise<(Row & { filled: string })[]> {
  return (await sql<Row & { filled: string }>`select * from ${sql.table(name)} order by id`.execute(deps.db)).rows;
}

describe('bulkCopy', () => {
  it('round-trips NULL vs empty, quotes, newlines, tabs, backslashes, jsonb, timestamps and numerics; defaults fill unlisted columns', async () => {
    await freshTable('copy_awkward');
    const n = await bulkCopy(deps.db, { table: 'copy_awkward', columns }, awkward);
    expect(n).toBe(5);
    const rows = await read('copy_awkward');
    expect(rows.map((r) => r.label)).toEqual(['', null, '\\N', 'tab\there', 'ünïcødé ✓ 𝄞']);
    expect(rows.map((r) => r.note)).toEqual([null, '', '\\.', 'cr\r\nlf', ',;"\'|']);
    expect(rows.map((r) => r.doc)).toEqual([
      awkward[0]?.[3],
      [],
      { nested: { deep: '\\backslash\\' } },
      'just a string',
      { emoji: '🙂', n: 1.5, t: true },
    ]);
    expect(rows.map((r) => r.at?.toISOString() ?? null)).toEqual([
      '2026-03-01T12:34:56.789Z',
      '1999-12-31T23:59:59.000Z',
      null,
      '1970-01-01T00:00:00.000Z',
      '2026-11-27T00:00:00.000Z',
    ]);
    expect(rows.map((r) => r.amount)).toEqual(['12345678901234567.89', '-0.01', '0.00', null, '7.00']);
    expect(rows.map((r) => r.flag)).toEqual([true, false, null, true, false]);
    expect(rows.map((r) => r.big)).toEqual([9_007_199_254_740_991, 0, -1, null, 42]);
    expect(rows.every((r) => r.filled === 'dflt')).toBe(true);
  });

  it('streams many rows from an async generator in small chunks, reporting progress', async () => {
    await freshTable('copy_many');
    async function* gen() {
      for (let i = 1; i <= 20_000; i++) {
        // A source that sometimes has to wait, as a file or a generator would.
        if (i % 1000 === 0) await new Promise((r) => setImmediate(r));
        yield [i, `label ${i}\n`, null, { i }, new Date(i * 1000), `${i}.50`, i % 2 === 0, i] as CopyValue[];
      }
    }
    const progress: number[] = [];
    const n = await bulkCopy(deps.db, { table: 'copy_many', columns }, gen(), {
      chunkBytes: 64 * 1024,
      onProgress: (r) => progress.push(r),
    });
    expect(n).toBe(20_000);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(20_000);
    const [agg] = (
      await sql<{
        n: number;
        s: string;
        j: number;
      }>`select count(*)::int as n, sum(amount)::text as s, sum((doc->>'i')::int)::int as j from copy_many where label like 'label %' || chr(10)`.execute(
        deps.db,
      )
    ).rows;
    expect(agg).toEqual({ n: 20_000, s: String((20_000 * 20_001) / 2 + 10_000) + '.00', j: (20_000 * 20_001) / 2 });
  });

  it('is part of the caller transaction: rolled back with it, visible to the statements after it', async () => {
    await freshTable('copy_tx');
    await expect(
      deps.db.transaction().execute(async (trx) => {
        await bulkCopy(trx, { table: 'copy_tx', columns: ['id', 'label'] }, [
          [1, 'a'],
          [2, 'b'],
        ]);
        const inside = await sql<{ n: number }>`select count(*)::int as n from copy_tx`.execute(trx);
        expect(inside.rows[0]?.n).toBe(2);
        // A staging step: set-based insert from what was copied.
        await sql`insert into copy_tx (id, label) select id + 100, upper(label) from copy_tx`.execute(trx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await read('copy_tx')).toEqual([]);
    await deps.db.transaction().execute(async (trx) => {
      await sql`create temp table copy_stage (id integer, label text) on commit drop`.execute(trx);
      await bulkCopy(trx, { table: 'copy_stage', columns: ['id', 'label'] }, [
        [7, 'x'],
        [8, ''],
      ]);
      await sql`insert into copy_tx (id, label) select id, label from copy_stage`.execute(trx);
    });
    expect((await read('copy_tx')).map((r) => [r.id, r.label])).toEqual([
      [7, 'x'],
      [8, ''],
    ]);
  });

  it('names the row and column of a value it cannot copy, and the database error of a bad row; the connection stays usable', async () => {
    await freshTable('copy_bad');
    await expect(
      bulkCopy(deps.db, { table: 'copy_bad', columns: ['id', 'label'] }, [
        [1, 'ok'],
        [2, 'nul\u0000here'],
      ]),
    ).rejects.toThrow(new CopyValueError(2, 'label', 'contains a NUL character, which PostgreSQL text cannot hold'));
    await expect(
      bulkCopy(deps.db, { table: 'copy_bad', columns: ['id', 'label'] }, [
        [1, 'ok'],
        [1, 'duplicate key'],
      ]),
    ).rejects.toThrow(/duplicate key|unique/);
    await expect(
      bulkCopy(deps.db, { table: 'copy_bad', columns: ['id', 'label'] }, [[1, 'a', 'extra']]),
    ).rejects.toThrow(/row 1.*3 values for 2 columns/);
    await expect(bulkCopy(deps.db, { table: 'copy_bad; drop table users', columns: ['id'] }, [[1]])).rejects.toThrow(
      /not a plain table name/,
    );
    expect(await read('copy_bad')).toEqual([]);
    expect((await sql<{ one: number }>`select 1 as one`.execute(deps.db)).rows).toEqual([{ one: 1 }]);
  });

  it('encodes single values in COPY text format', () => {
    expect(encodeCopyValue(null, 1, 'c')).toBe('\\N');
    expect(encodeCopyValue('', 1, 'c')).toBe('');
    expect(encodeCopyValue('a\\b\nc\td\re', 1, 'c')).toBe('a\\\\b\\nc\\td\\re');
    expect(encodeCopyValue({ k: 'v\n' }, 1, 'c')).toBe('{"k":"v\\\\n"}');
    expect(() => encodeCopyValue(Number.NaN, 3, 'amount')).toThrow('row 3, column amount: NaN is not a finite number');
  });
});
