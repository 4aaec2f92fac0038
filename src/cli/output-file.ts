import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Streams an export to standard output, or to `out` through `<out>.partial`, renamed when the
 * last chunk is written: the file is whole or absent, never half an export.
 */
export async function writeExport(chunks: AsyncIterable<string | Buffer>, out: string | undefined): Promise<void> {
  const source = Readable.from(chunks);
  if (!out) {
    await pipeline(source, process.stdout, { end: false });
    return;
  }
  const partial = `${out}.partial`;
  try {
    await pipeline(source, fs.createWriteStream(partial));
    fs.renameSync(partial, out);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}
