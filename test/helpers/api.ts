import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/types.ts';
import type { Actor } from '../../src/contract/access.ts';
import { createApiToken } from '../../src/modules/auth/auth.service.ts';
import type { Deps } from '../../src/modules/context.ts';

export interface Api {
  app: App;
  /** A bearer token for an actor (created once per actor). */
  tokenFor(actor: Actor): Promise<string>;
  /** A request as the actor, through the full HTTP stack. */
  as(actor: Actor, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createApi(deps: Deps): Promise<Api> {
  const app = await buildApp(deps);
  const tokens = new Map<string, string>();
  const tokenFor = async (actor: Actor) => {
    const existing = tokens.get(actor.userId);
    if (existing) return existing;
    const { token } = await createApiToken(deps, actor, { name: 'test' });
    tokens.set(actor.userId, token);
    return token;
  };
  return {
    app,
    tokenFor,
    async as(actor, opts) {
      const token = await tokenFor(actor);
      return app.inject({ ...opts, headers: { ...(opts.headers ?? {}), authorization: `Bearer ${token}` } });
    },
    async close() {
      await app.close();
    },
  };
}
