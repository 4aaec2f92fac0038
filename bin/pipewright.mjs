#!/usr/bin/env node
// Entry point of the `pipewright` command. The sources are TypeScript, run without a build step:
// tsx's ESM loader is registered first, then the CLI is imported.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
