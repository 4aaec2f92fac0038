#!/usr/bin/env node
// Runs the TypeScript file given as the first argument (benchmarks, one-off scripts), e.g.
//   node bin/run-ts.mjs bench/api.bench.ts --flag
// The script sees its own path as process.argv[1] and its arguments after it.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bin/run-ts.mjs <file.ts> [args...]\n');
  process.exit(2);
}
register();
const resolved = path.resolve(file);
process.argv.splice(1, 2, resolved);
await import(pathToFileURL(resolved).href);
