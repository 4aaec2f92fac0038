import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import createClient, { type Client } from 'openapi-fetch';
import type { ApiPaths } from '../../src/contract/api-paths.ts';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/types.ts';
import type { Actor } from '../../src/contract/access.ts';
import { createApiToken } from '../../src/modules/auth/auth.service.ts';
import type { Deps } from '../../src/modules/context.ts';
import { openApiChecker } from './openapi-check.ts';

export interface Api {
  app: App;
  /** A bearer token for an actor (created once per actor). */
  tokenFor(actor: Actor): Promise<string>;
  /**
   * A request as the actor, through the full HTTP stack. An answer of /api/v1 that the OpenAPI
   * document does not describe (status, media type, or a JSON body off its schema) fails the test.
   */
  as(actor: Actor, opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** A request without a token (sign-in, cookies, anonymous), checked like `as`. */
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  /**
   * A client typed by the OpenAPI document (paths below /api/v1, their parameters, bodies and
   * answers) acting as the actor, through the full HTTP stack and checked like `as`:
   * `await client.GET('/deals/{id}', { params: { path: { id } } })` gives `{ data, error, response }`.
   */
  client(actor: Actor): Client<ApiPaths>;
  close(): Promise<void>;
}

export async function createApi(deps: Deps): Promise<Api> {
  const app = await buildApp(deps);
  const check = openApiChecker(app.swagger());
  const tokens = new Map<string, string>();
  const tokenFor = async (actor: Actor) => {
    const existing = tokens.get(actor.userId);
    if (existing) return existing;
    const { token } = await createApiToken(deps, actor, { name: 'test' });
    tokens.set(actor.userId, token);
    return token;
  };
  const inject = async (opts: InjectOptions) => {
    const res = await app.inject(opts);
    const url = typeof opts.url === 'string' ? opts.url : (opts.path ?? '');
    check(opts.method ?? 'GET', typeof url === 'string' ? url : url.pathname, {
      status: res.statusCode,
      contentType: header(res.headers['content-type']),
      body: res.body,
    });
    return res;
  };
  const as = async (actor: Actor, opts: InjectOptions) => {
    const token = await tokenFor(actor);
    return inject({ ...opts, headers: { ...(opts.headers ?? {}), authorization: `Bearer ${token}` } });
  };
  return {
    app,
    tokenFor,
    as,
    inject,
    client(actor) {
      return createClient<ApiPaths>({
        baseUrl: 'http://localhost/api/v1',
        // openapi-fetch builds a standard Request; it is answered in process by the app.
        fetch: async (request) => {
          const url = new URL(request.url);
          const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
          const res = await as(actor, {
            method: request.method as InjectOptions['method'],
            url: url.pathname + url.search,
            headers: Object.fromEntries(request.headers),
            ...(body ? { payload: body } : {}),
          });
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) headers.append(k, String(one));
          }
          const empty = res.statusCode === 204 || res.statusCode === 304;
          return new Response(empty ? null : res.rawPayload, { status: res.statusCode, headers });
        },
      });
    },
    async close() {
      await app.close();
    },
  };
}

function header(v: string | string[] | number | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v === undefined ? undefined : String(v);
}

/**
 * The data of a typed client's answer, which must be a success (a refusal throws with its status
 * and problem document): `const deal = await ok(client.GET('/deals/{id}', …))`.
 */
export async function ok<T>(answer: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await answer;
  if (!response.ok) throw new Error(`${response.status} from ${response.url}: ${JSON.stringify(error)}`);
  return data as T;
}
