import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/modules/events/chain.ts';
import { createTeam } from '../src/modules/users/users.service.ts';
import { verifyAudit } from '../src/modules/events/events.service.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.cleanup();
});

describe('event log hash chain', () => {
  it('seals events in order and verifies an untouched chain', async () => {
    const { admin } = await createTestOrg(deps);
    for (let i = 0; i < 5; i++) await createTeam(deps, admin, { name: `T${i}`, kind: 'other' });
    await deps.sealer.flush(admin.orgId);
    const report = await verifyChain(deps.db, admin.orgId);
    expect(report.ok).toBe(true);
    expect(report.unsealed).toBe(0);
    // organization.created + user.created + 5 × team.created
    expect(report.checked).toBe(7);
    const seqs = await deps.db
      .selectFrom('events')
      .select('seq')
      .where('org_id', '=', admin.orgId)
      .orderBy('seq')
      .execute();
    expect(seqs.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('detects an event edited directly in SQL', async () => {
    const { admin } = await createTestOrg(deps);
    await createTeam(deps, admin, { name: 'Field', kind: 'field_sales' });
    await createTeam(deps, admin, { name: 'Inside', kind: 'inside_sales' });
    await deps.sealer.flush(admin.orgId);
    await sql`update events set data = jsonb_set(data, '{after,name}', '"Tampered"') where org_id = ${admin.orgId} and seq = 3`.execute(
      deps.db,
    );
    const report = await verifyAudit(deps, admin);
    expect(report.ok).toBe(false);
    expect(report.firstBreak?.seq).toBe(3);
    expect(report.firstBreak?.reason).toMatch(/altered/);
    expect(report.checked).toBe(2);
  });

  it('detects a deleted event in the middle and at the end of the chain', async () => {
    const { admin } = await createTestOrg(deps);
    for (let i = 0; i < 3; i++) await createTeam(deps, admin, { name: `T${i}`, kind: 'other' });
    await deps.sealer.flush(admin.orgId);
    await sql`delete from events where org_id = ${admin.orgId} and seq = 5`.execute(deps.db);
    const end = await verifyChain(deps.db, admin.orgId);
    expect(end.ok).toBe(false);
    expect(end.firstBreak?.reason).toMatch(/removed/);
    await sql`delete from events where org_id = ${admin.orgId} and seq = 2`.execute(deps.db);
    const middle = await verifyChain(deps.db, admin.orgId);
    expect(middle.ok).toBe(false);
    expect(middle.firstBreak?.seq).toBe(2);
    expect(middle.firstBreak?.reason).toMatch(/missing/);
  });

  it('keeps organizations on separate chains', async () => {
    const a = await createTestOrg(deps);
    const b = await createTestOrg(deps);
    await createTeam(deps, a.admin, { name: 'A team', kind: 'other' });
    await deps.sealer.flush();
    await sql`update events set type = 'x' where org_id = ${a.orgId} and seq = 1`.execute(deps.db);
    expect((await verifyChain(deps.db, a.orgId)).ok).toBe(false);
    expect((await verifyChain(deps.db, b.orgId)).ok).toBe(true);
  });

  it('refuses verification to roles other than admin and auditor', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const auditor = await createTestUser(deps, admin, 'auditor');
    await expect(verifyAudit(deps, rep)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(verifyAudit(deps, auditor)).resolves.toMatchObject({ ok: true });
  });

  it('reports a failed background seal and seals on the next attempt', async () => {
    const failures: string[] = [];
    const own = await createTestDeps({ onSealError: (_err, orgId) => failures.push(orgId) });
    try {
      const { admin } = await createTestOrg(own);
      await own.sealer.flush();
      await sql`alter table event_chain_heads rename to event_chain_heads_away`.execute(own.db);
      await createTeam(own, admin, { name: 'While broken', kind: 'other' });
      await own.sealer.flush();
      expect(failures).toEqual([admin.orgId]);
      await sql`alter table event_chain_heads_away rename to event_chain_heads`.execute(own.db);
      expect((await verifyChain(own.db, admin.orgId)).unsealed).toBe(1);
      await createTeam(own, admin, { name: 'After repair', kind: 'other' });
      await own.sealer.flush();
      const report = await verifyChain(own.db, admin.orgId);
      expect(report).toMatchObject({ ok: true, unsealed: 0, checked: 4 });
    } finally {
      await own.cleanup();
    }
  });
});
