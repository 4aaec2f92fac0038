import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Actor } from '../../src/contract/access.ts';
import { importOptionsSchema, type ImportOptionsInput, type ImportSummary } from '../../src/contract/imports.ts';
import type { Deps } from '../../src/modules/context.ts';
import type { Reject } from '../../src/modules/imports/import-batch.ts';
import { runImport } from '../../src/modules/imports/run-import.ts';

export const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url);

function textStream(text: string): AsyncIterable<string> {
  return Readable.from([text]);
}

/** Imports a fixture file (or CSV text) and returns the summary with every rejected row. */
export async function importCsv(
  deps: Deps,
  actor: Actor,
  source: URL | string,
  opts: ImportOptionsInput,
): Promise<{ summary: ImportSummary; rejects: Reject[] }> {
  const rejects: Reject[] = [];
  const stream = source instanceof URL ? fs.createReadStream(source, { highWaterMark: 64 }) : textStream(source);
  const summary = await runImport(deps, actor, stream, importOptionsSchema.parse(opts), {
    onReject: (r) => void rejects.push(r),
  });
  await deps.sealer.flush();
  return { summary, rejects };
}
