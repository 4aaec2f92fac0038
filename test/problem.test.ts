import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { toProblem } from '../src/server/problem.ts';

const request = { url: '/api/v1/deals' } as FastifyRequest;
const pgError = (code: string) => Object.assign(new Error('deadlock detected'), { code });

describe('toProblem', () => {
  it('answers a deadlock or serialization failure as a 409 to retry, not a 500', () => {
    for (const code of ['40P01', '40001']) {
      const { problem } = toProblem(pgError(code), request);
      expect(problem).toMatchObject({ status: 409, code: 'conflict' });
      expect(problem.detail).toMatch(/send it again/);
    }
  });
});
