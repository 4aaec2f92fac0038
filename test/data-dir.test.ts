import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';

describe('embedded data directory', () => {
  it('is closed to other local users', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-perm-')), 'data');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    const db = await openDatabase({ dataDir: dir });
    try {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      await db.close();
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
