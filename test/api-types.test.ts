import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '../tools/api-types.ts';

describe('the generated API types', () => {
  it('are what the route schemas generate today (npm run gen:api rewrites them)', async () => {
    const [generated, committed] = await Promise.all([renderApiTypes(), fs.readFile(API_TYPES_FILE, 'utf8')]);
    if (generated === committed) return;
    const want = generated.split('\n');
    const have = committed.split('\n');
    const differs = want.findIndex((l, i) => l !== have[i]);
    const line = differs === -1 ? want.length : differs;
    expect.fail(
      `${API_TYPES_FILE} is stale: run npm run gen:api. First difference at line ${line + 1}:\n` +
        `  committed: ${have[line] ?? '(end of file)'}\n  generated: ${want[line] ?? '(end of file)'}`,
    );
  });
});
