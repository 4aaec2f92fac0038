import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress } from '../../domain/network-address.ts';
import type { Resolver } from '../webhooks/webhook-transport.ts';

export interface BusyFeedSettings {
  /** Fetch from hosts on loopback, private and link-local addresses (on-premise calendars, tests). */
  allowPrivate: boolean;
  /** Accept plain http:// feed URLs (tests against a local server only; feeds carry private tokens). */
  allowHttp: boolean;
  /** Time allowed for one fetch, from connecting to the end of the answer. */
  timeoutMs: number;
  /** Bytes of a feed read at most; a longer one is refused. */
  maxBytes: number;
  resolve?: Resolver;
}

export const defaultBusyFeedSettings: BusyFeedSettings = {
  allowPrivate: false,
  allowHttp: false,
  timeoutMs: 10_000,
  maxBytes: 2 * 1024 * 1024,
};

/** Redirects followed at most (each to an https URL that passes the same address check). */
const MAX_REDIRECTS = 3;

/** Why a feed could not be read; the message is shown to the rep as the feed's last error. */
export class BusyFeedError extends Error {
  override readonly name = 'BusyFeedError';
}

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

const refusal = (address: string) =>
  `${address} is a private, loopback or link-local address; set PIPEWRIGHT_BUSY_FEED_ALLOW_PRIVATE=true to read feeds from such hosts`;

/** The scheme rule of a feed URL: null when it may be used, else the reason. */
export function feedUrlProblem(settings: Pick<BusyFeedSettings, 'allowHttp'>, raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && settings.allowHttp) return null;
  return 'must be an https:// URL';
}

/**
 * Reads a calendar feed: GET with a time limit and a size limit; the host's addresses are checked
 * after resolution and before connecting (private, loopback and link-local ones refused unless
 * allowed); redirects are followed only to URLs that pass the same rules. Throws `BusyFeedError`.
 */
export async function fetchBusyFeed(settings: BusyFeedSettings, rawUrl: string): Promise<string> {
  const resolve = settings.resolve ?? systemResolver;
  const deadline = Date.now() + settings.timeoutMs;
  let current = rawUrl;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const problem = feedUrlProblem(settings, current);
    if (problem) throw new BusyFeedError(hop === 0 ? `the URL ${problem}` : `redirected to a URL that ${problem}`);
    const answer = await getOnce(settings, resolve, new URL(current), deadline - Date.now());
    if (answer.kind === 'body') return answer.text;
    current = new URL(answer.location, current).toString();
  }
  throw new BusyFeedError(`more than ${MAX_REDIRECTS} redirects`);
}

type Answer = { kind: 'body'; text: string } | { kind: 'redirect'; location: string };

function getOnce(settings: BusyFeedSettings, resolve: Resolver, url: URL, timeoutMs: number): Promise<Answer> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (!settings.allowPrivate && isIP(host) && !isPublicAddress(host))
    return Promise.reject(new BusyFeedError(refusal(host)));
  const lookup = (
    hostname: string,
    options: { all?: boolean },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    resolve(hostname).then(
      (addresses) => {
        const bad = settings.allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
        const first = addresses[0];
        if (bad) callback(new BusyFeedError(`${hostname} resolves to ${refusal(bad.address)}`), '');
        else if (!first) callback(Object.assign(new Error(`${hostname} does not resolve`), { code: 'ENOTFOUND' }), '');
        else if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (err: Error) => callback(err, ''),
    );
  };
  return new Promise((done, fail) => {
    let settled = false;
    const finish = (err: Error | null, answer?: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) fail(err);
      else done(answer as Answer);
    };
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: 'GET', lookup, headers: { accept: 'text/calendar, */*;q=0.5' } },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && typeof res.headers.location === 'string') {
          res.resume();
          finish(null, { kind: 'redirect', location: res.headers.location });
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          finish(new BusyFeedError(`the feed answered HTTP ${status}`));
          return;
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > settings.maxBytes) {
          res.destroy();
          finish(new BusyFeedError(`the feed is larger than ${settings.maxBytes} bytes`));
          return;
        }
        const chunks: Buffer[] = [];
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > settings.maxBytes) {
            res.destroy();
            finish(new BusyFeedError(`the feed is larger than ${settings.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => finish(null, { kind: 'body', text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (err) => finish(new BusyFeedError(`the answer broke off (${err.message})`)));
      },
    );
    const timer = setTimeout(
      () => req.destroy(new BusyFeedError(`no answer within ${settings.timeoutMs / 1000} s`)),
      Math.max(1, timeoutMs),
    );
    req.on('error', (err: NodeJS.ErrnoException) =>
      finish(
        err instanceof BusyFeedError
          ? err
          : new BusyFeedError(`could not be fetched (${err.code ? `${err.code}: ` : ''}${err.message})`),
      ),
    );
    req.end();
  });
}
