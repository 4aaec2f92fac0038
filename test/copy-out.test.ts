import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOutLines, SingleColumnCopyDecoder } from '../src/db/copy-out.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.cleanup();
});

/** Binary COPY data of single-text-column rows, as PostgreSQL writes it. */
function binaryCopy(values: readonly string[]): Buffer {
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])]);
  const rows = values.map((v) => {
    const data = Buffer.from(v, 'utf8');
    const head = Buffer.alloc(6);
    head.writeInt16BE(1, 0);
    head.writeInt32BE(data.length, 2);
    return Buffer.concat([head, data]);
  });
  return Buffer.concat([header, ...rows, Buffer.from([0xff, 0xff])]);
}

describe('binary COPY decoding', () => {
  it('gives back the values, in whole rows, however the stream is cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (values, cuts) => {
          const data = binaryCopy(values);
          const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
          const decoder = new SingleColumnCopyDecoder();
          const out: Buffer[] = [];
          let rows = 0;
          let from = 0;
          for (const to of [...points, data.length]) {
            const piece = decoder.decode(data.subarray(from, to));
            // Each piece is whole values: it decodes on its own.
            expect(piece.data.toString('utf8')).toBe(Buffer.from(piece.data).toString('utf8'));
            out.push(piece.data);
            rows += piece.rows;
            from = to;
          }
          expect(decoder.ended).toBe(true);
          expect(rows).toBe(values.length);
          expect(Buffer.concat(out).toString('utf8')).toBe(values.join(''));
        },
      ),
    );
  });

  it('refuses data that is not a one-column binary COPY', () => {
    expect(() => new SingleColumnCopyDecoder().decode(Buffer.from('id\tname\n1\tx\n-------------------'))).toThrow(
      /not in binary format/,
    );
    const two = binaryCopy(['a']);
    two.writeInt16BE(2, 19);
    expect(() => new SingleColumnCopyDecoder().decode(two)).toThrow(/2 columns/);
  });
});

describe('copyOutLines', () => {
  it('streams the rows of a query with its parameters written in as literals (PostgreSQL server; the embedded engine refuses)', async () => {
    const tricky = [
      "it's",
      'back\\slash',
      "E'\\x41'",
      'ünïcødé 日本',
      'line\nbreak\ttab\r\n',
      '$1 $2',
      "'; drop table deals; --",
    ];
    const query = sql<{
      line: string;
    }>`select v || '|' as line from unnest(array[${sql.join(tricky.map((t) => sql`${t}::text`))}]) with ordinality as u(v, n) where n >= ${1} order by n`.compile(
      deps.db,
    );
    const read = async (stopAfter = Infinity) => {
      let text = '';
      let rows = 0;
      for await (const chunk of copyOutLines(deps.db, query)) {
        text += chunk.data.toString('utf8');
        rows += chunk.rows;
        if (rows >= stopAfter) break;
      }
      return { text, rows };
    };
    if (deps.database.engine !== 'postgres') {
      await expect(read()).rejects.toThrow(/needs a PostgreSQL server/);
      return;
    }
    expect(await read()).toEqual({ text: tricky.map((t) => `${t}|`).join(''), rows: tricky.length });
    // A reader that stops early leaves the connection usable.
    await read(1);
    expect((await sql<{ one: number }>`select 1 as one`.execute(deps.db)).rows).toEqual([{ one: 1 }]);
  });
});
