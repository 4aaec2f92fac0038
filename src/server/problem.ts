import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCodes, type ErrorCode, type FieldProblem } from '../contract/errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  [k: string]: unknown;
}

const titles: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'Validation failed',
  malformed_json: 'Malformed JSON',
  not_found: 'Not found',
  version_conflict: 'Version conflict',
  forbidden: 'Forbidden',
  unauthenticated: 'Authentication required',
};

export function problem(code: ErrorCode, detail: string, extra: Partial<Problem> = {}): Problem {
  // Details may add fields but never replace the core members of the problem document.
  return {
    ...extra,
    type: `https://pipewright.dev/problems/${code.replace(/_/g, '-')}`,
    title: titles[code] ?? code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    status: extra.status ?? errorCodes[code],
    code,
    detail,
  };
}

const CORE_MEMBERS = new Set(['type', 'title', 'status', 'code', 'detail', 'instance', 'errors']);

function withoutCoreMembers(details: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details ?? {}).filter(([k]) => !CORE_MEMBERS.has(k)));
}

interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

function isPgError(e: unknown): e is PgLikeError & Error {
  return (
    e instanceof Error &&
    typeof (e as PgLikeError).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((e as PgLikeError).code ?? '')
  );
}

/** Maps any error to problem+json; the one place codes become HTTP statuses. */
export function toProblem(err: unknown, request: FastifyRequest): { problem: Problem; log: boolean } {
  const instance = request.url;
  if (err instanceof AppError) {
    return {
      problem: problem(err.code, err.message, {
        ...withoutCoreMembers(err.details),
        instance,
        ...(err.fields ? { errors: err.fields } : {}),
      }),
      log: false,
    };
  }
  if (err instanceof Error && isResponseSerializationError(err)) {
    return { problem: problem('internal_error', 'The server produced an invalid response', { instance }), log: true };
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        problem: problem('malformed_json', `The body is not valid JSON: ${fe.message}`, { instance }),
        log: false,
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        problem: problem('payload_too_large', 'The body is larger than the server accepts', { instance }),
        log: false,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        problem: problem('unsupported_media_type', `Unsupported Content-Type: send application/json`, { instance }),
        log: false,
      };
    case 'FST_ERR_BAD_URL':
      return {
        problem: problem('malformed_url', 'The URL is not valid: a part of its path is not percent-encoded UTF-8', {
          instance,
        }),
        log: false,
      };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        problem: problem('uri_too_long', 'A part of the URL path is longer than the server accepts', { instance }),
        log: false,
      };
    case 'FST_ERR_RATE_LIMIT':
      return { problem: problem('rate_limited', fe.message, { instance }), log: false };
    default:
      break;
  }
  if (fe.statusCode === 400 && typeof fe.message === 'string' && /JSON/i.test(fe.message)) {
    return {
      problem: problem('malformed_json', `The body is not valid JSON: ${fe.message}`, { instance }),
      log: false,
    };
  }
  if (isPgError(err)) {
    if (err.code === '23505') {
      return {
        problem: problem(
          'duplicate',
          `A record with the same unique value already exists${err.constraint ? ` (${err.constraint})` : ''}`,
          { instance },
        ),
        log: false,
      };
    }
    if (err.code === '23503') {
      return {
        problem: problem('validation_failed', 'A referenced record does not exist', {
          instance,
          errors: [{ field: err.constraint ?? 'reference', message: 'refers to a record that does not exist' }],
        }),
        log: false,
      };
    }
    if (err.code === '23514') {
      return {
        problem: problem('validation_failed', 'A value breaks a rule of the data model', {
          instance,
          errors: [{ field: err.constraint ?? 'value', message: 'is not allowed' }],
        }),
        log: false,
      };
    }
    // A deadlock or serialization failure rolled the transaction back: nothing was written, and the
    // same request sent again normally succeeds.
    if (err.code === '40P01' || err.code === '40001') {
      return {
        problem: problem(
          'conflict',
          'The request collided with a concurrent change and was rolled back; send it again',
          {
            instance,
          },
        ),
        log: true,
      };
    }
    if (err.code === '22P02' || err.code === '22007' || err.code === '22008' || err.code === '22003') {
      return {
        problem: problem('validation_failed', `A value has the wrong format: ${err.message}`, { instance }),
        log: false,
      };
    }
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { problem: problem('bad_request', fe.message, { instance, status: fe.statusCode }), log: false };
  }
  return {
    problem: problem('internal_error', 'Something went wrong on the server; it has been logged', { instance }),
    log: true,
  };
}

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (a malformed request line,
 * headers too large, a timeout) with problem+json too, then closes the connection as Node does.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail]: [number, ErrorCode, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'bad_request', 'The request headers are larger than the server accepts']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'bad_request', 'The request did not arrive in time']
        : [400, 'bad_request', 'The request is not valid HTTP'];
  const body = JSON.stringify(problem(code, detail, { status }));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy(err);
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.status(p.status).type('application/problem+json').send(p);
}
