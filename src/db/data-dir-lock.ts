import fs from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'pipewright.lock';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Pipewright process (pid ${pid}). ` +
        'Stop that process first, or use a PostgreSQL server (DATABASE_URL) to run several processes at once.',
    );
    this.name = 'DataDirInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data directory for this process. PGlite does not lock its directory, and two processes
 * opening the same one corrupt it (e.g. a CLI command next to a running server), so a pid file
 * keeps the second one out. A lock left by a process that died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readPid(file);
    if (holder !== null && isAlive(holder)) throw new DataDirInUseError(dataDir, holder);
    fs.rmSync(file, { force: true });
  }
  throw new Error(`Could not take the lock ${file}; remove it if no Pipewright process is running`);
}
