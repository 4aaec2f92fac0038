import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './types.ts';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pipewright</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem;">
<h1>Pipewright</h1>
<p>The API is running, but the web app has not been built. Run <code>npm run build</code> (or restart with <code>npm start</code>, which builds it) and reload this page.</p>
<p>API reference: <a href="/api/docs">/api/docs</a></p>
</body></html>
`;

/** Whether a request should get the web app's index.html: a page address outside the API. */
function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const p = request.url.split('?')[0] ?? '';
  if (p === '/api' || p.startsWith('/api/')) return false;
  // Missing assets stay 404; only extension-less paths are client-side routes.
  return !/\.[a-z0-9]+$/i.test(p);
}

/**
 * Serves the built web app from `root` at /. Returns the handler for unknown page addresses
 * (the client-side routes: index.html), or null when the request is not one.
 * Without a build, / explains how to make one.
 */
export async function registerWeb(
  app: App,
  root: string,
): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply | null> {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.get('/', { schema: { hide: true }, config: { public: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(NOT_BUILT),
    );
    return () => null;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'], decorateReply: true });
  return (request, reply) =>
    isPageRequest(request) ? reply.header('cache-control', 'no-cache').sendFile('index.html') : null;
}
