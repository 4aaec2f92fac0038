import type { TableProgress } from '../modules/backup/backup.service.ts';
import type { Io } from './io.ts';

const INTERVAL_MS = 250;
const LOG_INTERVAL_MS = 5000;

/**
 * A progress line on stderr for long work: rewritten in place on a terminal (at most every
 * 250 ms); elsewhere (logs, cron mail) a plain line every 5 seconds, so short work prints nothing.
 * `done` clears the terminal line.
 */
export function progressLine(io: Io): { update(text: string): void; done(): void } {
  const started = Date.now();
  let last = started;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (!io.interactive) {
        if (now - last < LOG_INTERVAL_MS) return;
        last = now;
        io.err(text);
        return;
      }
      if (now - last < INTERVAL_MS) return;
      last = now;
      shown = true;
      io.status(text);
    },
    done() {
      if (shown) io.status('');
      shown = false;
    },
  };
}

/** Rows per table on stderr as a backup or restore goes: live on a terminal, one line per table. */
export function tableProgress(io: Io, verb: string): (p: TableProgress) => void {
  const line = progressLine(io);
  return (p) => {
    if (!p.done) {
      line.update(`  ${p.table}: ${p.rows} rows ${verb}…`);
      return;
    }
    line.done();
    io.err(`  ${p.table.padEnd(24)} ${String(p.rows).padStart(9)} rows`);
  };
}
