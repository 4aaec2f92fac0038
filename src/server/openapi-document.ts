import type { Deps } from '../modules/context.ts';
import { buildApp } from './app.ts';

/**
 * Dependencies for an app that only describes itself: registering the routes reads none of them,
 * so any use (a request reaching a service) is a mistake and says so.
 */
const unwired = new Proxy({} as Deps, {
  get(_target, key) {
    throw new Error(`the OpenAPI document's app has no dependencies (asked for ${String(key)})`);
  },
});

/**
 * The OpenAPI document the server serves at /api/openapi.json, built from the route table without
 * a database or a listening socket (for generating the client types).
 */
export async function openApiDocument(): Promise<unknown> {
  const app = await buildApp(unwired);
  try {
    return app.swagger();
  } finally {
    await app.close();
  }
}
