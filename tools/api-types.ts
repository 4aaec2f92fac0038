import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { openApiDocument } from '../src/server/openapi-document.ts';

/** Where the generated types of the HTTP API live (committed; `npm run gen:api` rewrites it). */
export const API_TYPES_FILE = 'src/contract/api-types.gen.ts';

const HEADER = `// The HTTP API's types, generated from its OpenAPI document (GET /api/openapi.json) by
// openapi-typescript. Do not edit: change the route schemas, then run \`npm run gen:api\`.
// A test fails while this file differs from what the routes generate.

`;

/** The text of API_TYPES_FILE as the current route table generates it, formatted like the sources. */
export async function renderApiTypes(): Promise<string> {
  const doc = await openApiDocument();
  const ast = await openapiTS(doc as Parameters<typeof openapiTS>[0]);
  const options = await resolveConfig(API_TYPES_FILE);
  return format(HEADER + astToString(ast), { ...options, filepath: API_TYPES_FILE });
}
