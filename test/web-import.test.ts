import { describe, expect, it } from 'vitest';
import {
  defaultChoices,
  headOf,
  importQuery,
  rejectReasons,
  sampleCells,
} from '../web/src/pages/import/import-choices.ts';

describe('web import screen helpers', () => {
  it('sends the hand-made mapping, stage names and options as the query the API takes', () => {
    const q = importQuery(
      {
        ...defaultChoices('deals'),
        preset: 'hubspot',
        overrides: { 'Legacy key': 'externalId', Notes: '' },
        stageMap: 'Closed Won=Won\n\n  Demo booked = Demo \nno equals sign',
        userMap: 'D. Fielding=dana@example.test\n',
        createMissing: true,
        delimiter: ';',
      },
      'deals.csv',
      true,
    );
    expect(q).toEqual({
      entity: 'deals',
      preset: 'hubspot',
      map: ['Legacy key=externalId', 'Notes='],
      stageMap: ['Closed Won=Won', 'Demo booked = Demo'],
      userMap: ['D. Fielding=dana@example.test'],
      createMissing: 'true',
      onDuplicate: 'skip',
      dateOrder: 'mdy',
      delimiter: ';',
      dryRun: 'true',
      fileName: 'deals.csv',
    });
    // Defaults are left out, so the server's own defaults apply.
    const plain = importQuery(defaultChoices('accounts'), 'a.csv', false);
    expect([plain.preset, plain.createMissing, plain.delimiter, plain.dryRun]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(plain.map).toEqual([]);
  });

  it('previews a large file from its first complete lines only', async () => {
    const small = new Blob(['a,b\n1,2\n']);
    expect((await headOf(small)).blob).toBe(small);
    const line = `${'x'.repeat(99)}\n`; // 100 bytes
    const big = new Blob([`h\n${line.repeat(3000)}`]); // 300,002 bytes, over the 256 KiB sent
    const head = await headOf(big);
    // 262,144 bytes: the header (2) and 2,621 whole lines (262,100), the partial line dropped.
    expect(head.text.length).toBe(2 + 2621 * 100);
    expect(head.text.endsWith('\n')).toBe(true);
    expect(head.blob.size).toBe(head.text.length);
  });

  it('shows the first non-empty cells of each column and reads the reasons of a rejects file', () => {
    expect(sampleCells('Name;Amount;Notes\nAcme;10;\n"Glo;bex";;x\nInitech;30;y\nHooli;40;z\n', ';')).toEqual([
      ['Acme', 'Glo;bex', 'Initech'],
      ['10', '30'],
      ['x', 'y'],
    ]);
    expect(sampleCells('a\n"unclosed', ',')).toEqual([]);
    const rejects =
      'Name,Amount,import line,import error\r\nDelta,twelve,5,"Amount: ""twelve"" is not an amount of money"\r\nEcho,1,7,"duplicate: matches account Echo, Inc."\r\n';
    expect(rejectReasons(rejects)).toEqual([
      { line: '5', reason: 'Amount: "twelve" is not an amount of money' },
      { line: '7', reason: 'duplicate: matches account Echo, Inc.' },
    ]);
  });
});
