#!/usr/bin/env node
// Run by `npm start` before the server: builds the web app (dist/web) when it is missing or older
// than its sources, so `npm install && npm start` works on a fresh clone. The check only compares
// modification times, so it costs a few milliseconds when the build is current.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'web', 'index.html');
const sources = [path.join(root, 'web'), path.join(root, 'vite.config.ts'), path.join(root, 'src', 'domain')];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
if (builtAt >= Math.max(...sources.map(newest))) process.exit(0);

const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (!fs.existsSync(vite)) {
  console.error(
    'The web app is not built and vite is not installed (npm install, then npm run build); starting the API only.',
  );
  process.exit(0);
}
console.error(
  builtAt ? 'Web app sources changed: rebuilding (npm run build)...' : 'Building the web app (npm run build)...',
);
const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
