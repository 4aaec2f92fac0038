import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EVENTS_DOC_FILE, renderEventsDoc } from '../tools/events-doc.ts';

describe('docs/events.md', () => {
  it('is what the event catalog generates today (npm run gen:events rewrites it)', async () => {
    const [generated, committed] = [renderEventsDoc(), await fs.readFile(EVENTS_DOC_FILE, 'utf8')];
    if (generated === committed) return;
    const want = generated.split('\n');
    const have = committed.split('\n');
    const differs = want.findIndex((l, i) => l !== have[i]);
    const line = differs === -1 ? want.length : differs;
    expect.fail(
      `${EVENTS_DOC_FILE} is stale: run npm run gen:events. First difference at line ${line + 1}:\n` +
        `  committed: ${have[line] ?? '(end of file)'}\n  generated: ${want[line] ?? '(end of file)'}`,
    );
  });

  it('lists every type of the catalog with its version', () => {
    const text = renderEventsDoc();
    expect(text).toContain('### `deal.stage_changed`');
    expect(text).toMatch(/### `webhook_endpoint.replayed`\n\nVersion 1; about: `webhook_endpoint`/);
  });
});
