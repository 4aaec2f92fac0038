import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEntities } from '../src/contract/import-fields.ts';
import type { ImportJobDto, ImportPreview } from '../src/contract/imports.ts';
import { starterPipeline } from '../src/modules/organizations/set-up-organization.ts';
import { createPipeline } from '../src/modules/pipelines/pipelines.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser } from './helpers/factories.ts';
import { fixture } from './helpers/imports.ts';
import { settleJobs } from './helpers/jobs.ts';

let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps({ runJobs: true });
  api = await createApi(deps);
});
afterAll(async () => {
  await settleJobs(deps);
  await api.close();
  await deps.cleanup();
});

const csv = { 'content-type': 'text/csv' };

describe('imports over the API', () => {
  it('starts a job for every entity the importer knows', async () => {
    const { admin } = await createTestOrg(deps);
    for (const entity of importEntities) {
      const started = await api.as(admin, {
        method: 'POST',
        url: `/api/v1/imports?entity=${entity}&fileName=${entity}.csv`,
        headers: csv,
        payload: 'External ID\n',
      });
      expect(started.statusCode, `${entity}: ${started.body}`).toBe(202);
      expect(started.json<ImportJobDto>().entity).toBe(entity);
    }
    await settleJobs(deps);
  });

  it('uploads a file, runs it as a job with progress and summary, and serves the rejected rows as CSV', async () => {
    const { admin } = await createTestOrg(deps);
    await createPipeline(deps, admin, starterPipeline);
    const owner = await createTestUser(deps, admin, 'rep', { name: 'Ada Owner' });
    await deps.db
      .updateTable('users')
      .set({ email: 'ada.owner@example.test' })
      .where('id', '=', owner.userId)
      .execute();
    const started = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/imports?entity=accounts&fileName=accounts.csv',
      headers: csv,
      payload: fs.readFileSync(fixture('accounts.csv')),
    });
    expect(started.statusCode).toBe(202);
    const job = started.json<ImportJobDto>();
    expect(job).toMatchObject({ entity: 'accounts', status: 'queued', fileName: 'accounts.csv' });
    await settleJobs(deps);
    const done = (await api.as(admin, { method: 'GET', url: `/api/v1/imports/${job.id}` })).json<ImportJobDto>();
    expect(done).toMatchObject({
      status: 'succeeded',
      percent: 100,
      rowsRead: 6,
      summary: { rows: 6, inserted: 3, rejected: 2, duplicates: 1 },
      error: null,
    });
    const rejects = await api.as(admin, { method: 'GET', url: `/api/v1/imports/${job.id}/rejects` });
    expect(rejects.statusCode).toBe(200);
    expect(rejects.headers['content-type']).toMatch(/^text\/csv/);
    expect(rejects.body.split('\r\n').filter((l) => l !== '')).toEqual([
      'Name,Website,Employees,Industry,Owner,External ID,import line,import error',
      'Initech,initech.example,many,Software,,acc-3,4,"Employees: ""many"" is not a whole number"',
      'Acme Corp,acme.example,10,Manufacturing,,acc-5,7,"duplicate: same domain acme.example as line 2; skipped"',
      'Hooli,hooli.example,12,Software,nobody@example.test,acc-6,8,"owner: ""nobody@example.test"" is not a user (by name, email or external id)"',
    ]);
    const list = (await api.as(admin, { method: 'GET', url: '/api/v1/imports' })).json<{ items: ImportJobDto[] }>();
    expect(list.items.map((j) => j.id)).toEqual([job.id]);
    const other = await createTestOrg(deps);
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/imports/${job.id}` })).statusCode).toBe(404);
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/imports/${job.id}/rejects` })).statusCode).toBe(
      404,
    );
  });

  it('previews the mapping and the first rows without writing', async () => {
    const { admin } = await createTestOrg(deps);
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/imports/preview?entity=contacts&preset=hubspot&limit=2',
      headers: csv,
      payload: fs.readFileSync(fixture('contacts-hubspot.csv')),
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json<ImportPreview>();
    expect(preview.headers).toEqual([
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Phone Number',
      'Job Title',
      'Associated Company',
      'Contact owner',
      'Create Date',
    ]);
    expect(preview.mapping.slice(0, 4)).toEqual([
      { column: 'Record ID', field: 'externalId', via: 'preset' },
      { column: 'First Name', field: 'firstName', via: 'preset' },
      { column: 'Last Name', field: 'lastName', via: 'preset' },
      { column: 'Email', field: 'emails', via: 'preset' },
    ]);
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      action: 'reject',
      values: { firstName: 'Grace', emails: 'grace@acme.example' },
      problems: [expect.stringMatching(/^account: "Acme Corporation" is not an account/)],
    });
    const contacts = await deps.db.selectFrom('contacts').select('id').where('org_id', '=', admin.orgId).execute();
    expect(contacts).toEqual([]);
  });

  it('names every bad option and refuses an empty body', async () => {
    const { admin } = await createTestOrg(deps);
    const bad = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/imports?entity=deals&onDuplicate=merge&map=NoEquals',
      headers: csv,
      payload: 'a,b\n1,2\n',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['onDuplicate']);
    const badMap = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/imports?entity=deals&map=NoEquals&delimiter=%22',
      headers: csv,
      payload: 'a,b\n1,2\n',
    });
    expect(badMap.statusCode).toBe(422);
    expect(
      badMap
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['delimiter', 'map.0']);
    const empty = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/imports?entity=deals',
      headers: csv,
      payload: '',
    });
    expect(empty.statusCode).toBe(422);
    const emptyErrors = empty.json<{ errors: { field: string; message: string }[] }>().errors;
    expect(emptyErrors.map((e) => e.field)).toEqual(['body']);
    expect(emptyErrors[0]?.message).toMatch(/^is empty/);
    const unmapped = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/imports/preview?entity=deals&map=Nope=name',
      headers: csv,
      payload: 'a,b\n1,2\n',
    });
    expect(unmapped.json<ImportPreview>().problems).toEqual([
      '--map names the column "Nope", which the file does not have (its columns are: a, b)',
      'no column for the required field "name" (name one with --map "Column=name")',
    ]);
  });

  it('lets admins import everything, managers their team’s records, nobody else', async () => {
    const { admin } = await createTestOrg(deps);
    const team = await createTestTeam(deps, admin);
    const manager = await createTestUser(deps, admin, 'manager', { teamId: team.id });
    const rep = await createTestUser(deps, admin, 'rep', { teamId: team.id });
    const leads = 'Last Name,Email\nCurie,marie@radium.example\n';
    expect(
      (await api.as(rep, { method: 'POST', url: '/api/v1/imports?entity=leads', headers: csv, payload: leads }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await api.as(manager, {
          method: 'POST',
          url: '/api/v1/imports?entity=products',
          headers: csv,
          payload: 'SKU,Name,Price\nA,B,1\n',
        })
      ).statusCode,
    ).toBe(403);
    const ok = await api.as(manager, {
      method: 'POST',
      url: '/api/v1/imports?entity=leads',
      headers: csv,
      payload: leads,
    });
    expect(ok.statusCode).toBe(202);
    await settleJobs(deps);
    const lead = await deps.db
      .selectFrom('leads')
      .select(['owner_id'])
      .where('org_id', '=', admin.orgId)
      .executeTakeFirst();
    expect(lead?.owner_id).toBe(manager.userId);
    expect(
      (await api.as(rep, { method: 'GET', url: `/api/v1/imports/${ok.json<ImportJobDto>().id}` })).statusCode,
    ).toBe(404);
  });
});
