/** A tiny typed client for the public /api/v1 API: cookie session, CSRF header on writes, problem+json errors. */

export interface FieldProblem {
  field: string;
  message: string;
}

/** An API refusal, from its RFC 9457 problem+json body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldProblem[],
    /** The whole problem document, for code-specific members (e.g. missingFields). */
    readonly body: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** Remembers the session's CSRF token; every cookie-authenticated write must echo it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** The record version the edit is based on (If-Match); '*' overwrites whatever is there. */
  version?: number | '*';
  query?: Record<string, string | number | undefined>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function toError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (!isRecord(body)) return new ApiError(res.status, 'http_error', `${res.status} ${res.statusText}`, [], {});
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(
        (e): e is FieldProblem => isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string',
      )
    : [];
  const code = typeof body.code === 'string' ? body.code : 'http_error';
  const detail = typeof body.detail === 'string' ? body.detail : `${res.status} ${res.statusText}`;
  return new ApiError(res.status, code, detail, errors, body);
}

/** The address of an /api/v1 path with its query (for links such as file downloads). */
export function apiUrl(path: string, query: RequestOptions['query'] = {}): URL {
  const url = new URL(`/api/v1${path}`, window.location.origin);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

/** Sends one request to /api/v1 and returns the parsed JSON body (undefined for 204). */
export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const url = apiUrl(path, opts.query);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.version !== undefined) headers['if-match'] = String(opts.version);
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query']) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, version?: number) => request<T>('POST', path, { body: body ?? {}, version }),
  patch: <T>(path: string, body: unknown, version: number | '*') => request<T>('PATCH', path, { body, version }),
  put: <T>(path: string, body: unknown, version: number) => request<T>('PUT', path, { body, version }),
  /** DELETE; `version` is sent as If-Match where the resource is versioned. */
  del: (path: string, version?: number | '*') => request<undefined>('DELETE', path, { version }),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every item of a list, following nextCursor (at most `maxPages` pages). */
export async function getAll<T>(
  path: string,
  query: Record<string, string | number | undefined> = {},
  maxPages = 50,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await api.get<Page<T>>(path, { ...query, limit: 200, cursor });
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

/** Sends a file as the raw body of a POST (e.g. a CSV upload with Content-Type: text/csv). */
export async function upload<T>(
  path: string,
  body: Blob,
  contentType: string,
  query: Record<string, string | string[] | undefined> = {},
): Promise<T> {
  const url = apiUrl(path);
  for (const [k, v] of Object.entries(query))
    for (const one of v === undefined ? [] : Array.isArray(v) ? v : [v]) url.searchParams.append(k, one);
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': contentType };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body });
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}

/** The text of a GET (e.g. a CSV download), refusals thrown as ApiError. */
export async function getText(path: string): Promise<string> {
  const res = await fetch(apiUrl(path), { credentials: 'same-origin' });
  if (!res.ok) throw await toError(res);
  return res.text();
}
