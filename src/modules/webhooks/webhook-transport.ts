import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress } from '../../domain/network-address.ts';

/** Resolves a host name to its addresses (the system resolver by default; tests substitute one). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface WebhookSettings {
  /** Deliver to loopback, private and link-local addresses (on-premise receivers, tests). */
  allowPrivate: boolean;
  /** Time allowed for one attempt, from connecting to the end of the answer. */
  timeoutMs: number;
  resolve?: Resolver;
}

export const defaultWebhookSettings: WebhookSettings = { allowPrivate: false, timeoutMs: 15_000 };

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What became of one attempt. */
export type WebhookResponse =
  | { kind: 'response'; status: number; retryAfter: string | undefined; excerpt: string; durationMs: number }
  /** The address was refused before connecting (private, loopback, …). */
  | { kind: 'refused'; error: string; durationMs: number }
  /** No answer: DNS failure, connection refused or reset, timeout. */
  | { kind: 'error'; error: string; durationMs: number };

export interface WebhookTransport {
  send(request: WebhookRequest): Promise<WebhookResponse>;
  close(): void;
}

/** Characters of the receiver's answer kept in the attempt log. */
export const EXCERPT_CHARS = 1000;
/** Bytes of an answer read at most; a longer one is cut off (and its connection dropped). */
const MAX_READ = 64 * 1024;

class AddressRefused extends Error {}

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

function refusal(address: string): string {
  return `${address} is a private, loopback or link-local address; set PIPEWRIGHT_WEBHOOK_ALLOW_PRIVATE=true to deliver to such receivers`;
}

/** The host of a URL without the brackets of an IPv6 literal. */
function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * Checks where a URL leads without connecting: null when it may be delivered to, else the reason.
 * Registration calls it; delivery checks again on every connection (DNS may have changed).
 */
export async function checkDestination(settings: WebhookSettings, rawUrl: string): Promise<string | null> {
  if (settings.allowPrivate) return null;
  const url = new URL(rawUrl);
  const host = bareHost(url);
  if (isIP(host)) return isPublicAddress(host) ? null : refusal(host);
  let addresses: LookupAddress[];
  try {
    addresses = await (settings.resolve ?? systemResolver)(host);
  } catch (err) {
    return `${host} does not resolve (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  if (bad) return `${host} resolves to ${refusal(bad.address)}`;
  return addresses.length === 0 ? `${host} does not resolve` : null;
}

/**
 * Sends webhooks over HTTP(S) with kept-alive connections. Unless private receivers are allowed,
 * every connection's addresses are checked after resolution and before connecting, so a name that
 * resolves to a private address (or starts to, after registration) is refused. Redirects are not
 * followed.
 */
export function createHttpTransport(settings: WebhookSettings): WebhookTransport {
  const resolve = settings.resolve ?? systemResolver;
  const agentOptions = { keepAlive: true, maxSockets: 16 };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

  // net.connect calls this for host names (not for IP literals, checked before the request).
  const lookup = (
    hostname: string,
    options: { all?: boolean },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    resolve(hostname).then(
      (addresses) => {
        const bad = settings.allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
        const first = addresses[0];
        if (bad) callback(new AddressRefused(`${hostname} resolves to ${refusal(bad.address)}`), '');
        else if (!first) callback(Object.assign(new Error(`${hostname} does not resolve`), { code: 'ENOTFOUND' }), '');
        else if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (err: Error) => callback(err, ''),
    );
  };

  function send(request: WebhookRequest): Promise<WebhookResponse> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const url = new URL(request.url);
    const host = bareHost(url);
    if (!settings.allowPrivate && isIP(host) && !isPublicAddress(host))
      return Promise.resolve({ kind: 'refused', error: refusal(host), durationMs: 0 });
    const secure = url.protocol === 'https:';
    return new Promise((done) => {
      let settled = false;
      const finish = (r: WebhookResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        done(r);
      };
      const body = Buffer.from(request.body);
      const req = (secure ? https : http).request(
        url,
        {
          method: 'POST',
          agent: secure ? agents.https : agents.http,
          lookup,
          headers: { ...request.headers, 'content-length': String(body.length) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let read = 0;
          const answer = () =>
            finish({
              kind: 'response',
              status: res.statusCode ?? 0,
              retryAfter: typeof res.headers['retry-after'] === 'string' ? res.headers['retry-after'] : undefined,
              excerpt: Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS),
              durationMs: elapsed(),
            });
          res.on('data', (chunk: Buffer) => {
            if (read < MAX_READ) chunks.push(chunk);
            read += chunk.length;
            if (read >= MAX_READ) {
              answer();
              res.destroy();
            }
          });
          res.on('end', answer);
          res.on('error', (err) => finish({ kind: 'error', error: err.message, durationMs: elapsed() }));
        },
      );
      const timer = setTimeout(
        () => req.destroy(new Error(`no answer within ${settings.timeoutMs / 1000} s`)),
        settings.timeoutMs,
      );
      req.on('error', (err: NodeJS.ErrnoException) =>
        finish(
          err instanceof AddressRefused
            ? { kind: 'refused', error: err.message, durationMs: elapsed() }
            : { kind: 'error', error: err.code ? `${err.code}: ${err.message}` : err.message, durationMs: elapsed() },
        ),
      );
      req.end(body);
    });
  }

  return {
    send,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
