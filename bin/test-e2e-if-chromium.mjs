#!/usr/bin/env node
// Part of `npm test`: runs the browser tests when the system's Chromium is installed
// (apt-get install -y chromium); otherwise says so and leaves them out.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

if (!fs.existsSync('/usr/bin/chromium')) {
  console.log(
    'Browser tests not run: /usr/bin/chromium is missing (apt-get install -y chromium, then npm run test:e2e).',
  );
  process.exit(0);
}
const r = spawnSync('npm', ['run', 'test:e2e'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
