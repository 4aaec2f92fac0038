import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/server/openapi-document.ts';
import { openApiChecker } from './helpers/openapi-check.ts';

// The check every API test's answers go through (test/helpers/api.ts): it must refuse what the
// OpenAPI document does not describe.
describe('the OpenAPI answer check of the tests', () => {
  let check: ReturnType<typeof openApiChecker>;
  beforeAll(async () => {
    check = openApiChecker(await openApiDocument());
  });
  const id = '0b9f8c1e-2d3a-4b5c-8d7e-6f5a4b3c2d1e';
  const json = (status: number, body: unknown, contentType = 'application/json; charset=utf-8') => ({
    status,
    contentType,
    body: JSON.stringify(body),
  });
  const team = {
    id,
    name: 'Field',
    kind: 'field_sales',
    managerId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  };

  it('passes answers that match their operation, by status, media type and schema', () => {
    expect(() => check('GET', '/api/v1/setup', json(200, { needed: true }))).not.toThrow();
    expect(() =>
      check(
        'GET',
        `/api/v1/deals/${id}?x=1`,
        json(
          404,
          { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', detail: 'No such deal' },
          'application/problem+json',
        ),
      ),
    ).not.toThrow();
    expect(() =>
      check('DELETE', `/api/v1/views/${id}`, { status: 204, contentType: undefined, body: '' }),
    ).not.toThrow();
    expect(() =>
      check('GET', '/api/v1/deals/export?format=csv', {
        status: 200,
        contentType: 'text/csv; charset=utf-8',
        body: 'id\n',
      }),
    ).not.toThrow();
    // Outside /api/v1 (the web app, the document itself) nothing is checked.
    expect(() => check('GET', '/deals/1', { status: 200, contentType: 'text/html', body: '<html>' })).not.toThrow();
  });

  it('refuses a JSON body off the schema, naming the field', () => {
    expect(() => check('GET', '/api/v1/setup', json(200, { needed: 'yes' }))).toThrow(/\/needed must be boolean/);
    expect(() => check('GET', '/api/v1/setup', json(200, {}))).toThrow(/must have required property 'needed'/);
    // Through a named component: the team's list references components.schemas.Team.
    expect(() => check('GET', '/api/v1/teams', json(200, { items: [team] }))).not.toThrow();
    expect(() => check('GET', '/api/v1/teams', json(200, { items: [{ ...team, version: '1' }] }))).toThrow(
      /\/items\/0\/version must be integer/,
    );
    // A problem document must be one.
    expect(() =>
      check('GET', `/api/v1/deals/${id}`, json(404, { message: 'gone' }, 'application/problem+json')),
    ).toThrow(/does not match/);
  });

  it('refuses statuses, media types and operations the document does not list', () => {
    expect(() => check('GET', '/api/v1/setup', json(201, { needed: true }))).toThrow(/does not document/);
    expect(() => check('GET', '/api/v1/setup', { status: 200, contentType: 'text/plain', body: 'yes' })).toThrow(
      /as text\/plain, but response 200/,
    );
    expect(() => check('GET', '/api/v1/setup', { status: 200, contentType: 'application/json', body: '' })).toThrow(
      /empty body/,
    );
    expect(() => check('PUT', '/api/v1/setup', json(200, {}))).toThrow(/has no operation PUT \/api\/v1\/setup/);
  });

  it('matches literal path segments before parameters', () => {
    // /deals/export is its own operation, not /deals/{id}: a CSV answer is documented there only.
    expect(() => check('GET', `/api/v1/deals/${id}`, { status: 200, contentType: 'text/csv', body: 'id\n' })).toThrow(
      /documents application\/json/,
    );
  });
});
