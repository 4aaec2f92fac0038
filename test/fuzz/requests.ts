import { mulberry32 } from '../../src/analytics/random.ts';

/*
 * Malformed requests generated from the API's own OpenAPI document: for an operation, a request
 * that is close enough to valid to reach deep (ids of real records, values of the documented
 * types) with one or more things broken (a wrong type, a missing or unknown field, a huge or
 * control-character string, an invalid date or id, deep nesting, a wrong content type, an oversized
 * body, a malformed URL). Seeded, so a run is repeated exactly.
 */

/** The part of JSON Schema the generated document uses. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  default?: unknown;
}

export interface Operation {
  method: string;
  /** The path template, e.g. /api/v1/deals/{id}. */
  path: string;
  query: { name: string; schema: Schema }[];
  body: Schema | null;
  /** The body is a CSV file (the import routes). */
  csv: boolean;
  /** The body may be application/x-www-form-urlencoded (a plain HTML form posts it). */
  urlencoded: boolean;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
        consumes?: string[];
      }
    >
  >;
}

/** Every operation of the document. */
export function operationsOf(doc: unknown): Operation[] {
  const paths = (doc as OpenApi).paths;
  return Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
      body: op.requestBody?.content['application/json']?.schema ?? null,
      csv: method === 'post' && path.startsWith('/api/v1/imports'),
      urlencoded: op.requestBody?.content['application/x-www-form-urlencoded'] !== undefined,
    })),
  );
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What was broken, for the report. */
  broken: string[];
}

/** Ids of real records by the collection they belong to (`deals`, `users`, …), so some requests reach them. */
export type IdPool = Record<string, string[]>;

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

const HUGE = 70_000;

/** Strings that break things: NUL and lone surrogates (which PostgreSQL refuses), control characters, huge, odd Unicode, injections. */
function hostileString(rng: Rng): string {
  if (rng.chance(0.4))
    return rng.pick(['a\u0000b', '\u0000', `${'x'.repeat(rng.int(0, 50))}\u0000`, 'x\ud800', '\udc00y', '\ud83d']);
  return rng.pick([
    () => '',
    () => ' ',
    () => '\u0001\u0002\u001b[31m\u007f',
    () => 'line\r\nbreak\ttab',
    () => 'x'.repeat(rng.pick([301, 2001, 5001, HUGE])),
    () => '😀'.repeat(rng.int(1, 400)),
    () => '\u202e\u200b\ufeff',
    () => "'; drop table deals; --",
    () => '%00%ff%',
    () => '${process.exit()}',
    () => '../../etc/passwd',
    () => '<script>alert(1)</script>',
    () => '1e309',
    () => '-0',
    () => 'NaN',
    () => '9'.repeat(40),
    () => '2026-02-30',
    () => '0000-00-00',
    () => '2026-13-01T25:61:61Z',
    () => '99999-01-01',
    () => '00000000-0000-0000-0000-00000000000g',
    () => 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  ])();
}

/** A value of the wrong kind, whatever the field expects. */
function hostileValue(rng: Rng, depth = 0): unknown {
  return rng.pick<() => unknown>([
    () => hostileString(rng),
    () => null,
    () => true,
    () => rng.pick([0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -1e308, 1e308, 0.1 + 0.2]),
    () => [],
    () => ({}),
    () => (depth < 2 ? [hostileValue(rng, depth + 1), hostileValue(rng, depth + 1)] : 'x'),
    () => (depth < 2 ? { nested: hostileValue(rng, depth + 1) } : 'y'),
    () => nested(rng.int(50, 3000)),
    () => Array.from({ length: rng.pick([201, 1001]) }, () => 'x'),
  ])();
}

/** An array nested `depth` deep. */
function nested(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

const uuid = (rng: Rng) =>
  'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) =>
    (c === 'x' ? rng.int(0, 15) : rng.int(8, 11)).toString(16),
  );

/** The records a field refers to, by its name: ownerId → users, primaryContactId → contacts, stageId → stages. */
function poolOf(field: string, ids: IdPool): string[] {
  const base = field.replace(/Ids?$/, '').toLowerCase();
  if (['owner', 'manager', 'user'].includes(base)) return ids.users ?? [];
  if (base.endsWith('account')) return ids.accounts ?? [];
  if (base.endsWith('contact')) return ids.contacts ?? [];
  return ids[base.endsWith('y') ? `${base.slice(0, -1)}ies` : `${base}s`] ?? [];
}

function anyId(rng: Rng, ids: IdPool, field: string): string {
  const own = poolOf(field, ids);
  if (own.length > 0 && rng.chance(0.8)) return rng.pick(own);
  const all = Object.values(ids).flat();
  return all.length > 0 && rng.chance(0.5) ? rng.pick(all) : uuid(rng);
}

function stringFor(rng: Rng, s: Schema, ids: IdPool, field: string): string {
  if (s.format === 'uuid') return anyId(rng, ids, field);
  if (s.format === 'date') return `20${rng.int(10, 35)}-0${rng.int(1, 9)}-${rng.int(10, 28)}`;
  if (s.format === 'date-time') return `2026-0${rng.int(1, 9)}-1${rng.int(0, 9)}T1${rng.int(0, 9)}:00:00Z`;
  if (s.format === 'email') return `fuzz${rng.int(0, 9999)}@example.test`;
  if (s.pattern?.includes('[A-Z]{3}')) return rng.pick(['USD', 'EUR', 'GBP']);
  if (s.pattern?.includes('\\d{1,18}')) return `${rng.int(0, 99999)}.${rng.int(10, 99)}`;
  if (s.pattern?.includes('\\d{1,16}')) return `${rng.int(1, 20)}`;
  if (s.pattern?.includes('100')) return `${rng.int(0, 100)}`;
  const max = Math.min(s.maxLength ?? 40, 40);
  const min = Math.min(s.minLength ?? 0, max);
  return `fuzz ${rng.int(0, 1e9)}`.slice(0, Math.max(min, rng.int(min, max)) || 1).padEnd(min, 'z');
}

/** A value the schema accepts, or close to it. */
export function valueFor(
  rng: Rng,
  s: Schema,
  ids: IdPool,
  depth = 0,
  field = '',
  /** Collects the paths of free-text strings (no format, pattern or choices), where any text is taken. */
  texts?: { at: (string | number)[]; found: (string | number)[][] },
): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum && s.enum.length > 0) return rng.pick(s.enum);
  const choices = s.anyOf ?? s.oneOf;
  // Null (the second choice of a nullable field) now and then, the value itself mostly.
  if (choices && choices.length > 0)
    return valueFor(rng, rng.chance(0.8) ? (choices[0] ?? {}) : rng.pick(choices), ids, depth, field, texts);
  const type = Array.isArray(s.type) ? rng.pick(s.type) : s.type;
  switch (type ?? 'any') {
    case 'string':
      if (texts && !s.format && !s.pattern) texts.found.push(texts.at);
      return stringFor(rng, s, ids, field);
    case 'integer':
      return rng.int(Math.max(s.minimum ?? 0, -1000), Math.min(s.maximum ?? 100, 100_000));
    case 'number':
      return Math.max(s.minimum ?? 0, Math.min(s.maximum ?? 100, rng.float() * 100));
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    case 'array':
      return depth > 4 || !s.items
        ? []
        : Array.from({ length: rng.int(0, Math.min(s.maxItems ?? 3, 3)) }, (_, i) =>
            valueFor(rng, s.items ?? {}, ids, depth + 1, field, texts && { at: [...texts.at, i], found: texts.found }),
          );
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(s.required ?? []);
      for (const [k, p] of Object.entries(s.properties ?? {}))
        if (depth <= 4 && (required.has(k) || rng.chance(0.4)))
          out[k] = valueFor(rng, p, ids, depth + 1, k, texts && { at: [...texts.at, k], found: texts.found });
      return out;
    }
    default:
      return rng.chance(0.5) ? 'fuzz' : 1;
  }
}

/** Paths to the fields of an object or array value (the first levels), for picking one to break. */
function fieldPaths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (prefix.length > 6) return out;
  if (Array.isArray(v)) v.slice(0, 20).forEach((x, i) => fieldPaths(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.push([...prefix, k]);
      fieldPaths(x, [...prefix, k], out);
    }
  if (prefix.length > 0 && Array.isArray(v)) out.push(prefix);
  return out;
}

function getAt(root: unknown, path: (string | number)[]): unknown {
  let at = root;
  for (const key of path) at = (at as Record<string | number, unknown> | null)?.[key];
  return at;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): void {
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  // An earlier change may have replaced a part of the path with something that holds no fields.
  if (last === undefined || parent === null || typeof parent !== 'object') return;
  const at = parent as Record<string | number, unknown>;
  if (remove && !Array.isArray(at)) delete at[last];
  else at[last] = value;
}

/** A JSON body for the operation with something broken. */
function bodyFor(rng: Rng, op: Operation, ids: IdPool, broken: string[]): { payload: string; type: string } {
  const texts = { at: [], found: [] as (string | number)[][] };
  const value = valueFor(rng, op.body ?? { type: 'object' }, ids, 0, '', texts);
  // Mostly one thing broken in an otherwise fitting body, so the request gets as far as it can.
  const mutations = rng.pick([0, 1, 1, 1, 1, 2, 3]);
  for (let i = 0; i < mutations; i++) {
    const paths = fieldPaths(value);
    const kind = rng.pick([
      'type',
      'type',
      'type',
      'string',
      'string',
      'string',
      'string',
      'missing',
      'unknown',
      'unknown',
    ]);
    if (kind === 'unknown' || paths.length === 0) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const key = rng.pick(['unknownField', '__proto__', 'constructor', 'a\u0000b', 'x'.repeat(500), '']);
        (value as Record<string, unknown>)[key] = hostileValue(rng);
        broken.push(`unknown field ${JSON.stringify(key.slice(0, 20))}`);
      }
      continue;
    }
    // A hostile string goes preferably where free text is expected, so the rest of the body still fits.
    const strings = texts.found.filter((p) => typeof getAt(value, p) === 'string');
    const path = kind === 'string' && strings.length > 0 ? rng.pick(strings) : rng.pick(paths);
    if (kind === 'missing') {
      setAt(value, path, undefined, true);
      broken.push(`missing ${path.join('.')}`);
    } else {
      setAt(value, path, kind === 'string' ? hostileString(rng) : hostileValue(rng));
      broken.push(`bad ${path.join('.')}`);
    }
  }
  const whole = rng.float();
  if (whole < 0.05) {
    broken.push('body not an object');
    return { payload: JSON.stringify(hostileValue(rng)), type: 'application/json' };
  }
  if (whole < 0.1) {
    broken.push('malformed JSON');
    const text = JSON.stringify(value);
    return {
      payload: rng.pick([
        text.slice(0, Math.max(1, text.length - 1)),
        `${text},`,
        "{'a': 1}",
        '{"a":1}{"b":2}',
        '\u0000',
      ]),
      type: 'application/json',
    };
  }
  if (whole < 0.13) {
    broken.push('deeply nested JSON');
    return { payload: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, type: 'application/json' };
  }
  if (whole < 0.16) {
    broken.push('oversized body');
    return { payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }), type: 'application/json' };
  }
  if (whole < 0.22) {
    broken.push('wrong content type');
    return {
      payload: JSON.stringify(value),
      type: rng.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'text/csv',
        'application/xml',
        '',
      ]),
    };
  }
  return { payload: JSON.stringify(value), type: 'application/json' };
}

/** A CSV upload with something odd about it. */
function csvFor(rng: Rng, broken: string[]): { payload: Buffer | string; type: string } {
  const kind = rng.pick(['fine', 'nul', 'quote', 'huge', 'binary', 'empty', 'json', 'bom']);
  broken.push(`csv ${kind}`);
  switch (kind) {
    case 'nul':
      return { payload: 'Name,Industry\r\nA\u0000,B\r\n', type: 'text/csv' };
    case 'quote':
      return { payload: 'Name\r\n"never closed\r\nB\r\n', type: 'text/csv' };
    case 'huge':
      return { payload: `Name\r\n"${'x'.repeat(1_100_000)}"\r\n`, type: 'text/csv' };
    case 'binary':
      return { payload: Buffer.from(Array.from({ length: 512 }, () => rng.int(0, 255))), type: 'text/csv' };
    case 'empty':
      return { payload: '', type: 'text/csv' };
    case 'json':
      return { payload: '{"name":"x"}', type: 'application/json' };
    case 'bom':
      return { payload: '\ufeffName;Industry\r\nA;B\r\n', type: 'text/csv' };
    default:
      return {
        payload: `Name,Industry,External ID\r\nFuzz ${rng.int(0, 1e6)},Retail,f-${rng.int(0, 1e6)}\r\n`,
        type: 'text/csv',
      };
  }
}

/** The collection a path's {id} belongs to: /api/v1/deals/{id}/stage → deals. */
const collectionOf = (path: string) => /^\/api\/v1\/([^/]+)\/\{id\}/.exec(path)?.[1] ?? '';

function idFor(rng: Rng, op: Operation, ids: IdPool, broken: string[]): string {
  const own = ids[collectionOf(op.path)] ?? [];
  const r = rng.float();
  if (r < 0.55 && own.length > 0) return rng.pick(own);
  if (r < 0.7) return uuid(rng);
  const bad = rng.pick([
    'not-a-uuid',
    '%ff%fe',
    '%00',
    '%E0%A4%A',
    'a'.repeat(rng.pick([101, 3000])),
    '..%2f..%2fusers',
    '%2e%2e',
    '1',
    '-1',
    '00000000-0000-0000-0000-000000000000',
    encodeURIComponent('😀'),
    encodeURIComponent("' or 1=1 --"),
  ]);
  broken.push(`id ${bad.slice(0, 20)}`);
  return bad;
}

/** Percent-encodes any string; a lone surrogate goes as the bytes of its code unit (not valid UTF-8). */
function percent(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s]
      .map((ch) => {
        const u = ch.charCodeAt(0);
        if (ch.length > 1 || u < 0xd800 || u > 0xdfff) return encodeURIComponent(ch);
        return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      })
      .join('');
  }
}

function queryFor(rng: Rng, op: Operation, ids: IdPool, broken: string[]): string {
  const parts: string[] = [];
  for (const p of op.query) {
    const r = rng.float();
    if (r < 0.45) continue;
    let v: unknown = valueFor(rng, p.schema, ids, 0, p.name);
    if (r > 0.8) {
      v = rng.chance(0.5) ? hostileString(rng) : hostileValue(rng);
      broken.push(`query ${p.name}`);
    }
    const values = Array.isArray(v) ? v : [v];
    for (const x of values.slice(0, 3))
      parts.push(`${percent(p.name)}=${percent(typeof x === 'string' ? x : JSON.stringify(x))}`);
  }
  if (rng.chance(0.1)) {
    parts.push(
      rng.pick(['unknown=1', 'limit=1&limit=2', 'a[b]=c', '%=%', 'q=%E0%A4%A', '&&&', `q=${'x'.repeat(8000)}`]),
    );
    broken.push('odd query');
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** A public form key: mostly a real one, else one that is malformed, unknown or of no organization. */
function keyFor(rng: Rng, ids: IdPool, broken: string[]): string {
  const own = ids.formKeys ?? [];
  if (rng.chance(0.7) && own.length > 0) return rng.pick(own);
  const real = own[0] ?? 'pwf_';
  const bad = rng.pick([
    'pwf_',
    `${real}x`,
    real.replace(/^pwf_[0-9a-f]{8}/, 'pwf_00000000'),
    percent(`${real}\u0000`),
    'a'.repeat(rng.pick([150, 3000])),
    '%ff%fe',
    '..%2f..%2fusers',
  ]);
  broken.push(`key ${bad.slice(0, 20)}`);
  return bad;
}

/** A plain HTML form's body: the fitting value of each field as text, sometimes with a hostile one. */
function urlencodedFor(rng: Rng, op: Operation, ids: IdPool, broken: string[]): string {
  const value = valueFor(rng, op.body ?? { type: 'object' }, ids);
  const entries = Object.entries(value !== null && typeof value === 'object' ? value : {}).map(
    ([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)],
  );
  if (rng.chance(0.5)) {
    entries.push([rng.pick(['unknownField', '__proto__', 'website', 'consent', 'pageUrl']), hostileString(rng)]);
    broken.push('hostile urlencoded field');
  }
  if (rng.chance(0.1)) {
    broken.push('malformed urlencoded');
    return rng.pick(['%', '=&=&', '%E0%A4%A=1', 'a'.repeat(20_000), 'email=%00']);
  }
  return new URLSearchParams(entries).toString();
}

/** One malformed request for the operation. */
export function requestFor(rng: Rng, op: Operation, ids: IdPool): FuzzRequest {
  const broken: string[] = [];
  let path = op.path
    .replace('{id}', () => idFor(rng, op, ids, broken))
    .replace('{key}', () => keyFor(rng, ids, broken));
  if (rng.chance(0.03)) {
    path = rng.pick([`${path}/`, path.replace('/api/v1/', '/api/v1//'), `${path}%`, `${path}/%ff`, `${path};x=1`]);
    broken.push('odd path');
  }
  const headers: Record<string, string> = {};
  if (rng.chance(0.6))
    headers['if-match'] = rng.pick(['1', '2', '*', '"3"', 'W/"1"', 'abc', '', '-1', '9'.repeat(30), '*, 1']);
  if (op.method === 'POST' && rng.chance(0.2))
    headers['idempotency-key'] = rng.pick([`fuzz-${rng.int(0, 50)}`, 'bad key with spaces', 'x'.repeat(300), '']);
  if (rng.chance(0.05))
    headers.cookie = rng.pick(['pw_session=pws_junk', 'pw_session=', `pw_session=${'a'.repeat(4000)}`]);
  let method = op.method;
  if (rng.chance(0.03)) {
    method = rng.pick(['HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'PUT', 'PATCH', 'DELETE', 'GET']);
    broken.push(`method ${method}`);
  }
  const req: FuzzRequest = { method, url: `${path}${queryFor(rng, op, ids, broken)}`, headers, broken };
  if (op.csv) {
    const { payload, type } = csvFor(rng, broken);
    req.payload = payload;
    if (type) headers['content-type'] = type;
  } else if (op.urlencoded && rng.chance(0.4)) {
    req.payload = urlencodedFor(rng, op, ids, broken);
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (op.body || (op.method !== 'GET' && rng.chance(0.1))) {
    const { payload, type } = bodyFor(rng, op, ids, broken);
    req.payload = payload;
    if (type) headers['content-type'] = type;
  }
  return req;
}

/** What is wrong with an answer, or null: no 5xx, and every error is problem+json with its status. */
export function violation(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  method = 'GET',
): string | null {
  if (res.statusCode >= 500) return `status ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode < 400) return null;
  const header = res.headers['content-type'];
  const type = typeof header === 'string' ? header : '';
  if (!type.startsWith('application/problem+json')) return `${res.statusCode} with content-type ${type}`;
  // An answer to HEAD has the headers of the answer to GET, and no body.
  if (method === 'HEAD') return null;
  let p: Record<string, unknown>;
  try {
    p = JSON.parse(res.body) as Record<string, unknown>;
  } catch {
    return `${res.statusCode} whose body is not JSON: ${res.body.slice(0, 200)}`;
  }
  for (const k of ['type', 'title', 'code', 'detail'])
    if (typeof p[k] !== 'string') return `${res.statusCode} problem without ${k}: ${res.body.slice(0, 200)}`;
  if (p.status !== res.statusCode) return `${res.statusCode} problem with status ${String(p.status)}`;
  return null;
}

/** A seeded generator of requests over every operation in turn. */
export function* fuzzRequests(
  operations: readonly Operation[],
  ids: IdPool,
  seed: number,
): Generator<FuzzRequest, void, undefined> {
  const rng = new Rng(seed);
  for (let i = 0; ; i++) {
    const op = operations[i % operations.length];
    if (!op) return;
    yield requestFor(rng, op, ids);
  }
}
