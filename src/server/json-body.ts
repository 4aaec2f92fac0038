import type { App } from './types.ts';

/** How deep a JSON request body may nest: far beyond any request of the API, far below the stack. */
export const MAX_JSON_DEPTH = 64;

/** Whether a parsed JSON value nests arrays or objects more than `limit` levels deep (iterative: any depth is safe). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { v, depth } = item;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ v: child, depth: depth + 1 });
  }
  return false;
}

/**
 * JSON bodies are parsed as Fastify parses them (prototype poisoning refused), then refused with 400
 * when they nest deeper than MAX_JSON_DEPTH: every later step that walks a body (validation, the
 * idempotency fingerprint, an event's canonical JSON) may then recurse without exhausting the stack.
 */
export function registerJsonBody(app: App): void {
  const parse = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void parse(
      request,
      typeof body === 'string' ? body : body.toString('utf8'),
      (err: Error | null, value?: unknown) => {
        if (err) return done(err, undefined);
        if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
          const tooDeep = Object.assign(new Error(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`), {
            statusCode: 400,
          });
          return done(tooDeep, undefined);
        }
        done(null, value);
      },
    );
  });
}
