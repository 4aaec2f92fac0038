import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** What the checker needs of an answer: its status, Content-Type and body text. */
export interface CheckedResponse {
  status: number;
  contentType: string | undefined;
  body: string;
}

interface MediaObject {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaObject>;
}
interface Operation {
  responses?: Record<string, ResponseObject>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const DOC_ID = 'https://pipewright.invalid/openapi.json';

/**
 * Checks answers of /api/v1 against the OpenAPI document the server publishes: the operation
 * (method and path template) must document the status (exactly, as `4XX`, or `default`) and the
 * media type, and a JSON body must validate against that response's schema. Throws an Error that
 * names the request, the status and every mismatch.
 */
export function openApiChecker(document: unknown): (method: string, url: string, res: CheckedResponse) => void {
  const doc = document as Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(document as object, DOC_ID);
  const templates = Object.keys(doc.paths).map((template) => ({ template, segments: template.split('/') }));
  const validators = new Map<string, ValidateFunction>();

  const validatorAt = (pointer: string): ValidateFunction => {
    let v = validators.get(pointer);
    if (!v) {
      v = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
      validators.set(pointer, v);
    }
    return v;
  };

  /** The documented path matching a concrete one; literal segments win over parameters, as in the router. */
  const templateOf = (pathname: string): string | undefined => {
    const segments = pathname.split('/');
    let best: { template: string; params: number } | undefined;
    for (const t of templates) {
      if (t.segments.length !== segments.length) continue;
      const fits = t.segments.every((s, i) => (isParam(s) ? segments[i] !== '' : s === segments[i]));
      const params = t.segments.filter(isParam).length;
      if (fits && (!best || params < best.params)) best = { template: t.template, params };
    }
    return best?.template;
  };

  return (method, url, res) => {
    const pathname = new URL(url, 'http://localhost').pathname;
    if (!pathname.startsWith('/api/v1/')) return;
    const what = `${method.toUpperCase()} ${url} answered ${res.status}`;
    const media = res.contentType?.split(';')[0]?.trim().toLowerCase();
    const template = templateOf(pathname);
    const op = template === undefined ? undefined : doc.paths[template]?.[method.toLowerCase()];
    if (!template || !op) {
      // No such operation: the server's not-found answer, which is a problem document too.
      if (res.status === 404 && media === 'application/problem+json') {
        validate(validatorAt('/components/schemas/Problem'), what, res.body);
        return;
      }
      throw new Error(`${what}, but the OpenAPI document has no operation ${method.toUpperCase()} ${pathname}`);
    }
    const codes = Object.keys(op.responses ?? {});
    const code = [String(res.status), `${String(res.status).charAt(0)}XX`, 'default'].find((c) => codes.includes(c));
    if (code === undefined) {
      throw new Error(
        `${what}, which ${method.toUpperCase()} ${template} does not document (it has ${codes.join(', ')})`,
      );
    }
    const content = op.responses?.[code]?.content ?? {};
    if (res.body === '') {
      if (res.status === 204 || Object.keys(content).length === 0) return;
      throw new Error(
        `${what} with an empty body, but response ${code} of ${template} documents ${mediaList(content)}`,
      );
    }
    if (media === undefined || !(media in content)) {
      throw new Error(
        `${what} as ${media ?? 'no Content-Type'}, but response ${code} of ${template} documents ${mediaList(content)}`,
      );
    }
    if (media !== 'application/json' && !media.endsWith('+json')) return;
    const pointer = ['', 'paths', template, method.toLowerCase(), 'responses', code, 'content', media, 'schema']
      .map(escapePointer)
      .join('/');
    validate(validatorAt(pointer), `${what} (response ${code} of ${template})`, res.body);
  };
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function validate(v: ValidateFunction, what: string, body: string): void {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new Error(`${what} with a body that is not JSON: ${body.slice(0, 200)}`);
  }
  if (v(json)) return;
  const problems = (v.errors ?? []).map(
    (e) => `  ${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
  throw new Error(`${what} with a body that does not match its OpenAPI schema:\n${problems.join('\n')}`);
}

function mediaList(content: Record<string, unknown>): string {
  const types = Object.keys(content);
  return types.length ? types.join(', ') : 'no body';
}

/** A JSON pointer segment (RFC 6901), URI-encoded for the $ref's fragment. */
function escapePointer(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}
