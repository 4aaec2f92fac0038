import fs from 'node:fs';
import pg from 'pg';

/**
 * CPU time, unlike wall time, hardly depends on what else the machine runs: benches report it
 * next to their timings so a figure taken on a busy machine can still be read.
 */

/** CPU seconds (user + system) a process has used so far, from /proc; null where it cannot be read. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Samples, every 200 ms, the CPU seconds of the PostgreSQL server processes serving the database
 * of `databaseUrl` (a server on this machine); `stop` returns their sum (the last moments of a
 * backend that ended between samples are missed), or null when the server's processes cannot be read.
 */
export function sampleServerCpu(databaseUrl: string): { stop(): Promise<number | null> } {
  const monitor = new pg.Client({ connectionString: databaseUrl });
  const connected = monitor.connect();
  const seen = new Map<number, number>();
  let readable = false;
  const sample = async () => {
    await connected;
    const r = await monitor.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    for (const { pid } of r.rows) {
      const s = cpuSecondsOf(pid);
      if (s === null) continue;
      readable = true;
      seen.set(pid, s);
    }
  };
  const timer = setInterval(() => void sample().catch(() => undefined), 200);
  return {
    async stop() {
      clearInterval(timer);
      await sample().catch(() => undefined);
      await monitor.end().catch(() => undefined);
      return readable ? Math.round([...seen.values()].reduce((a, b) => a + b, 0) * 10) / 10 : null;
    },
  };
}
