import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, CsvParser, formatCsvRow, MAX_RECORD_CHARS } from '../src/contract/csv.ts';

const parseAll = (chunks: readonly string[], delimiter = ',') => {
  const p = new CsvParser(delimiter);
  const out = chunks.flatMap((c) => p.push(c));
  return [...out, ...p.end()];
};

describe('the CSV parser', () => {
  it('reads quotes, doubled quotes, separators and line breaks inside quotes, CRLF, LF, CR and a BOM, with the starting line of each record', () => {
    const text = '\uFEFFa,b,c\r\n1,"two, 2","say ""hi"""\r\n"multi\r\nline",,x\n\nlast,"",z\rend';
    expect(parseAll([text])).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'two, 2', 'say "hi"'] },
      { line: 3, fields: ['multi\r\nline', '', 'x'] },
      { line: 6, fields: ['last', '', 'z'] },
      { line: 7, fields: ['end'] },
    ]);
  });

  it('gives the same records however the input is cut into chunks', () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '""', ',', '\r\n', '\n', 'a"b'));
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(rows, fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 8 }), (table, cuts) => {
        const text = table.map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')).join('\r\n');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points, text.length]
          .slice(1)
          .map((end, i, all) => text.slice(i === 0 ? 0 : (all[i - 1] ?? 0), end));
        const whole = parseAll([text]).map((r) => r.fields);
        expect(parseAll(chunks).map((r) => r.fields)).toEqual(whole);
        expect(whole).toEqual(table);
      }),
    );
  });

  it('names the line of a broken quote and refuses a record that never ends', () => {
    expect(() => parseAll(['a,b\n1,"open\n2,3\n'])).toThrow(
      new CsvError(2, 'a quoted field is not closed before the end of the file'),
    );
    expect(() => parseAll(['a\n"x"y,z\n'])).toThrow('line 2: unexpected character "y" after a closing quote (field 1)');
    const p = new CsvParser();
    expect(() => p.push(`"${'x'.repeat(MAX_RECORD_CHARS + 1)}`)).toThrow(/record longer than/);
  });

  it('reads another separator and writes rows back as CSV', () => {
    expect(parseAll(['a;b\n"1;2";3\n'], ';').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
    expect(formatCsvRow(['plain', 'with,comma', 'say "hi"', 'two\nlines', ' padded'])).toBe(
      'plain,"with,comma","say ""hi""","two\nlines"," padded"',
    );
  });
});
