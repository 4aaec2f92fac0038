import fs from 'node:fs/promises';
import { API_TYPES_FILE, renderApiTypes } from './api-types.ts';

// npm run gen:api: rewrites the HTTP API's generated types from the route schemas.
const text = await renderApiTypes();
const before = await fs.readFile(API_TYPES_FILE, 'utf8').catch(() => null);
if (before === text) {
  console.log(`${API_TYPES_FILE} is up to date`);
} else {
  await fs.writeFile(API_TYPES_FILE, text);
  console.log(`wrote ${API_TYPES_FILE} (${text.length} characters)`);
}
