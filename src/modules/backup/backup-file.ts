import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

export interface LineWriter {
  write(line: string): Promise<void>;
  /** Flushes and moves the file into place; until then it lives next to it as `<file>.partial`. */
  commit(): Promise<void>;
  /** Removes the partial file after a failure. */
  abort(): Promise<void>;
}

/** Writes gzip-compressed lines with back-pressure, so memory stays flat however large the backup. */
export function createLineWriter(file: string): LineWriter {
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip();
  const done = pipeline(gzip, fs.createWriteStream(partial, { flags: 'w', mode: 0o600 }));
  // Observed here so a write error does not surface as an unhandled rejection before commit/abort.
  let failure: Error | null = null;
  done.catch((err: unknown) => {
    failure = err instanceof Error ? err : new Error(String(err));
  });
  return {
    async write(line) {
      if (failure) throw failure;
      if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
    },
    async commit() {
      gzip.end();
      await done;
      await fs.promises.rename(partial, file);
    },
    async abort() {
      gzip.destroy();
      await done.catch(() => undefined);
      await fs.promises.rm(partial, { force: true });
    },
  };
}

/** The lines of a gzip-compressed file, one at a time. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const source = fs.createReadStream(file);
  const input = zlib.createGunzip();
  // pipe() does not forward errors; a missing or unreadable file must end the iteration too.
  source.on('error', (err) => input.destroy(err));
  source.pipe(input);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.length > 0) yield line;
    }
  } finally {
    lines.close();
    source.destroy();
    input.destroy();
  }
}
