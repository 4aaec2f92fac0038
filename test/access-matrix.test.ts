import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCommissionsScreen, hasForecastScreen, type Actor, type Role } from '../src/contract/access.ts';
import { actorForUser } from '../src/modules/auth/auth.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser } from './helpers/factories.ts';

/**
 * Every role × read/write on records that are its own, its team's, someone else's, and another
 * organization's. The expected outcome is written out by hand per entity (not derived from the
 * policy code), so a policy change shows up here.
 */
type Whose = 'own' | 'team' | 'other' | 'otherOrg';
type Outcome = 'ok' | 'hidden' | 'forbidden';
interface Expect {
  read: Record<Whose, Outcome>;
  write: Record<Whose, Outcome>;
}

const all = (o: Outcome, otherOrg: Outcome = 'hidden'): Record<Whose, Outcome> => ({
  own: o,
  team: o,
  other: o,
  otherOrg,
});
const rows = (own: Outcome, team: Outcome, other: Outcome): Record<Whose, Outcome> => ({
  own,
  team,
  other,
  otherOrg: 'hidden',
});

const accountMatrix: Record<Role, Expect> = {
  admin: { read: all('ok'), write: all('ok') },
  manager: { read: rows('ok', 'ok', 'hidden'), write: rows('ok', 'ok', 'hidden') },
  rep: { read: rows('ok', 'hidden', 'hidden'), write: rows('ok', 'hidden', 'hidden') },
  inside_sales: { read: rows('ok', 'hidden', 'hidden'), write: rows('ok', 'hidden', 'hidden') },
  marketing: { read: all('ok'), write: all('forbidden') },
  partner: { read: all('hidden'), write: all('hidden') },
  auditor: { read: all('ok'), write: all('forbidden') },
  // an agent reads deals it has a role on, never the customer's own records
  agent: { read: all('hidden'), write: all('hidden') },
};

const contactMatrix: Record<Role, Expect> = accountMatrix;

const leadMatrix: Record<Role, Expect> = {
  admin: { read: all('ok'), write: all('ok') },
  manager: { read: rows('ok', 'ok', 'hidden'), write: rows('ok', 'ok', 'hidden') },
  rep: { read: rows('ok', 'hidden', 'hidden'), write: rows('ok', 'hidden', 'hidden') },
  inside_sales: { read: rows('ok', 'hidden', 'hidden'), write: rows('ok', 'hidden', 'hidden') },
  marketing: { read: all('ok'), write: all('ok') },
  partner: { read: all('hidden'), write: all('hidden') },
  auditor: { read: all('ok'), write: all('forbidden') },
  agent: { read: all('hidden'), write: all('hidden') },
};

const dealMatrix: Record<Role, Expect> = {
  admin: { read: all('ok'), write: all('ok') },
  manager: { read: rows('ok', 'ok', 'hidden'), write: rows('ok', 'ok', 'hidden') },
  rep: { read: rows('ok', 'hidden', 'hidden'), write: rows('ok', 'hidden', 'hidden') },
  inside_sales: { read: rows('ok', 'hidden', 'hidden'), write: rows('ok', 'hidden', 'hidden') },
  marketing: { read: all('hidden'), write: all('hidden') },
  // a partner's "own" deals are those registered to its partner account
  partner: { read: rows('ok', 'hidden', 'hidden'), write: rows('ok', 'hidden', 'hidden') },
  auditor: { read: all('ok'), write: all('forbidden') },
  // an agent's "own" deal is one its agent party has a role on; agents change no deal
  agent: { read: rows('ok', 'hidden', 'hidden'), write: rows('forbidden', 'hidden', 'hidden') },
};

const activityMatrix: Record<Role, Expect> = {
  admin: { read: all('ok'), write: all('ok') },
  manager: { read: rows('ok', 'ok', 'hidden'), write: rows('ok', 'ok', 'hidden') },
  rep: { read: rows('ok', 'hidden', 'hidden'), write: rows('ok', 'hidden', 'hidden') },
  inside_sales: { read: rows('ok', 'hidden', 'hidden'), write: rows('ok', 'hidden', 'hidden') },
  marketing: { read: rows('ok', 'hidden', 'hidden'), write: rows('ok', 'hidden', 'hidden') },
  partner: { read: all('hidden'), write: all('hidden') },
  auditor: { read: all('ok'), write: all('forbidden') },
  // an agent's "own" note is one written for its side of its deal; the other side's is "team"/"other"
  agent: { read: rows('ok', 'hidden', 'hidden'), write: rows('forbidden', 'hidden', 'hidden') },
};

/** Ids of records in each organization that a test record links to. */
interface Fixtures {
  partnerAccountId: string;
  /** A deal the agent's party works on, for the buyer. */
  agentDealId: string;
  agentPartyId: string;
  agreementId: string;
  accountId: string;
  foreignAccountId: string;
}

interface EntityCase {
  name: string;
  path: string;
  matrix: Record<Role, Expect>;
  create: (
    label: string,
    ownerId: string,
    ctx: { foreign: boolean; partnerOwn: boolean; agentSide?: 'buyer' | 'seller' },
  ) => Record<string, unknown>;
  patch: Record<string, unknown>;
}

let fx: Fixtures;

const entities: EntityCase[] = [
  {
    name: 'accounts',
    path: '/api/v1/accounts',
    matrix: accountMatrix,
    create: (label, ownerId) => ({ name: label, ownerId }),
    patch: { industry: 'Checked' },
  },
  {
    name: 'contacts',
    path: '/api/v1/contacts',
    matrix: contactMatrix,
    create: (label, ownerId) => ({ lastName: label, ownerId }),
    patch: { title: 'Checked' },
  },
  {
    name: 'leads',
    path: '/api/v1/leads',
    matrix: leadMatrix,
    create: (label, ownerId) => ({ lastName: label, company: 'Matrix Co', ownerId }),
    patch: { title: 'Checked' },
  },
  {
    name: 'deals',
    path: '/api/v1/deals',
    matrix: dealMatrix,
    create: (label, ownerId, ctx) => ({
      name: label,
      ownerId,
      ...(ctx.partnerOwn ? { channel: 'partner', partnerAccountId: fx.partnerAccountId } : {}),
    }),
    patch: { nextStep: 'Checked' },
  },
  {
    name: 'activities',
    path: '/api/v1/activities',
    matrix: activityMatrix,
    create: (label, ownerId, ctx) => ({
      type: 'note',
      body: label,
      subject: label,
      accountId: ctx.foreign ? fx.foreignAccountId : fx.accountId,
      ownerId,
      ...(ctx.agentSide ? { dealId: fx.agentDealId, agentSide: ctx.agentSide } : {}),
    }),
    patch: { body: 'Checked' },
  },
];

let deps: TestDeps;
let api: Api;
let actors: Record<Role, Actor>;
let teammate: Actor;
let outsider: Actor;
let foreignAdmin: Actor;

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
  const org = await createTestOrg(deps);
  const other = await createTestOrg(deps);
  foreignAdmin = other.admin;
  const team = await createTestTeam(deps, org.admin, 'field_sales');
  const otherTeam = await createTestTeam(deps, org.admin, 'field_sales');
  const manager = await createTestUser(deps, org.admin, 'manager', { teamId: team.id });
  const partnerAccount = (
    await api.as(org.admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Channel Partner Inc', type: 'reseller' },
    })
  ).json<{ id: string }>();
  const stages = [
    { name: 'Open', kind: 'open', probability: 10 },
    { name: 'Won', kind: 'won' },
    { name: 'Lost', kind: 'lost' },
  ];
  for (const admin of [org.admin, other.admin]) {
    const p = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/pipelines',
      payload: { name: 'Matrix', isDefault: true, stages },
    });
    expect(p.statusCode, p.body).toBe(201);
  }
  fx = {
    partnerAccountId: partnerAccount.id,
    agentDealId: '',
    agentPartyId: '',
    agreementId: '',
    accountId: (
      await api.as(org.admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Linked account' } })
    ).json<{ id: string }>().id,
    foreignAccountId: (
      await api.as(other.admin, {
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { name: 'Foreign linked account' },
      })
    ).json<{ id: string }>().id,
  };
  const mk = (role: Role, opts: { teamId?: string; partnerAccountId?: string; agentPartyId?: string } = {}) =>
    createTestUser(deps, org.admin, role, opts);
  const created = async (url: string, payload: Record<string, unknown>) => {
    const r = await api.as(org.admin, { method: 'POST', url, payload });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string }>().id;
  };
  fx.agentPartyId = await created('/api/v1/agent-parties', { kind: 'person', name: 'Matrix Broker' });
  fx.agreementId = await created('/api/v1/agency-agreements', {
    agentPartyId: fx.agentPartyId,
    side: 'buyer',
    representedAccountId: fx.accountId,
    effectiveFrom: '2020-01-01',
    compensationKind: 'percent',
    compensationPercent: '2',
  });
  fx.agentDealId = await created('/api/v1/deals', { name: 'Represented deal' });
  await created(`/api/v1/deals/${fx.agentDealId}/agents`, {
    agentPartyId: fx.agentPartyId,
    agreementId: fx.agreementId,
    role: 'buyer_agent',
  });
  actors = {
    admin: org.admin,
    manager,
    rep: await mk('rep', { teamId: otherTeam.id }),
    inside_sales: await mk('inside_sales', { teamId: otherTeam.id }),
    marketing: await mk('marketing'),
    partner: await mk('partner', { partnerAccountId: partnerAccount.id }),
    auditor: await mk('auditor'),
    agent: await mk('agent', { agentPartyId: fx.agentPartyId }),
  };
  teammate = await mk('rep', { teamId: team.id });
  outsider = await mk('rep');
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

function status(o: Outcome): number {
  return o === 'ok' ? 200 : o === 'hidden' ? 404 : 403;
}

for (const entity of entities) {
  describe(`access matrix: ${entity.name}`, () => {
    for (const role of Object.keys(entity.matrix) as Role[]) {
      it(role, async () => {
        const actor = actors[role];
        const expected = entity.matrix[role];
        // a manager's "team" record is a teammate's; for everyone else a teammate is just another user
        const owners: Record<Exclude<Whose, 'otherOrg'>, Actor> = {
          own: actor,
          team: role === 'manager' ? teammate : outsider,
          other: outsider,
        };
        const ids: Record<Whose, string> = { own: '', team: '', other: '', otherOrg: '' };
        for (const whose of ['own', 'team', 'other'] as const) {
          // a partner owns nothing: its "own" deal is one registered to its account, owned by a rep
          const partnerOwn = role === 'partner' && whose === 'own';
          const owner =
            partnerOwn || role === 'auditor' || role === 'partner'
              ? whose === 'own'
                ? outsider
                : owners[whose]
              : owners[whose];
          // an agent's own note is written for its (buyer) side; "team" is the seller side's, "other" internal
          const agentSide =
            role === 'agent' && whose !== 'other'
              ? whose === 'own'
                ? ('buyer' as const)
                : ('seller' as const)
              : undefined;
          const r = await api.as(actors.admin, {
            method: 'POST',
            url: entity.path,
            payload: entity.create(`${role}-${whose}`, owner.userId, {
              foreign: false,
              partnerOwn,
              ...(agentSide ? { agentSide } : {}),
            }),
          });
          expect(r.statusCode, r.body).toBe(201);
          ids[whose] = r.json<{ id: string }>().id;
          if (role === 'agent' && whose === 'own' && entity.name === 'deals') {
            const assigned = await api.as(actors.admin, {
              method: 'POST',
              url: `/api/v1/deals/${ids[whose]}/agents`,
              payload: { agentPartyId: fx.agentPartyId, agreementId: fx.agreementId, role: 'buyer_agent' },
            });
            expect(assigned.statusCode, assigned.body).toBe(201);
          }
        }
        ids.otherOrg = (
          await api.as(foreignAdmin, {
            method: 'POST',
            url: entity.path,
            payload: entity.create('foreign', foreignAdmin.userId, { foreign: true, partnerOwn: false }),
          })
        ).json<{ id: string }>().id;

        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const whose of ['own', 'team', 'other', 'otherOrg'] as const) {
          got[`read ${whose}`] = (
            await api.as(actor, { method: 'GET', url: `${entity.path}/${ids[whose]}` })
          ).statusCode;
          want[`read ${whose}`] = status(expected.read[whose]);
          if (entity.path === '/api/v1/leads') {
            // The conversion's account proposals are read exactly where the lead is.
            got[`account matches ${whose}`] = (
              await api.as(actor, { method: 'GET', url: `${entity.path}/${ids[whose]}/account-matches` })
            ).statusCode;
            want[`account matches ${whose}`] = status(expected.read[whose]);
          }
          got[`write ${whose}`] = (
            await api.as(actor, {
              method: 'PATCH',
              url: `${entity.path}/${ids[whose]}`,
              headers: { 'if-match': '*' },
              payload: entity.patch,
            })
          ).statusCode;
          want[`write ${whose}`] = status(expected.write[whose]);
        }
        expect(got).toEqual(want);

        // the list shows exactly the readable ones
        const list = await api.as(actor, {
          method: 'GET',
          url: `${entity.path}?q=${encodeURIComponent(role)}&limit=200`,
        });
        const listed = new Set(
          list.statusCode === 200 ? list.json<{ items: { id: string }[] }>().items.map((i) => i.id) : [],
        );
        for (const whose of ['own', 'team', 'other'] as const) {
          expect(listed.has(ids[whose]), `${role} lists ${whose}`).toBe(expected.read[whose] === 'ok');
        }
      });
    }
  });
}

describe('creating and assigning', () => {
  it('lets only roles with a write scope create', async () => {
    const results: Record<string, number> = {};
    for (const role of Object.keys(actors) as Role[]) {
      const r = await api.as(actors[role], {
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { name: `created by ${role}` },
      });
      results[role] = r.statusCode;
    }
    expect(results).toEqual({
      admin: 201,
      manager: 201,
      rep: 201,
      inside_sales: 201,
      marketing: 403,
      partner: 403,
      auditor: 403,
      agent: 403,
    });
  });

  it('lets a manager see everything below them: reports of reports and the teams they manage', async () => {
    const admin = actors.admin;
    const director = await createTestUser(deps, admin, 'manager');
    const lead = await createTestUser(deps, admin, 'manager', { managerId: director.userId });
    const repOfLead = await createTestUser(deps, admin, 'rep', { managerId: lead.userId });
    const managedTeam = await createTestTeam(deps, admin, 'inside_sales');
    await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/teams/${managedTeam.id}`,
      headers: { 'if-match': '1' },
      payload: { managerId: director.userId },
    });
    const sdr = await createTestUser(deps, admin, 'inside_sales', { teamId: managedTeam.id });
    const ids: string[] = [];
    for (const owner of [repOfLead, sdr, outsider]) {
      ids.push(
        (
          await api.as(admin, {
            method: 'POST',
            url: '/api/v1/accounts',
            payload: { name: 'Hierarchy check', ownerId: owner.userId },
          })
        ).json<{ id: string }>().id,
      );
    }
    const seen = async (who: Actor) =>
      Promise.all(
        ids.map(async (id) => (await api.as(who, { method: 'GET', url: `/api/v1/accounts/${id}` })).statusCode),
      );
    // the actor is resolved per request, so the team change above is already in force
    const freshDirector = await actorForUser(deps, director.orgId, director.userId);
    expect(await seen(freshDirector)).toEqual([200, 200, 404]);
    expect(await seen(lead)).toEqual([200, 404, 404]);
  });

  it('stops a rep from handing a record to someone else, lets a manager assign within the team', async () => {
    const rep = actors.rep;
    const r = await api.as(rep, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Mine', ownerId: outsider.userId },
    });
    expect(r.statusCode).toBe(403);
    const m = await api.as(actors.manager, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'For teammate', ownerId: teammate.userId },
    });
    expect(m.statusCode).toBe(201);
    const events = await deps.db
      .selectFrom('events')
      .select('type')
      .where('entity_id', '=', m.json<{ id: string }>().id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['account.created']);
  });
});

/**
 * Read scope through the related record: whoever may see a deal may see its account, its primary
 * contact and its contacts with a role, whoever owns them; changing them still follows their own
 * scope. Records on a deal the actor cannot see, or on a deleted deal, stay hidden.
 */
type Related = 'account' | 'primary' | 'roleContact';
const throughDeal: Record<Role, { read: Outcome; write: Outcome; hiddenDeal: Outcome; deletedDeal: Outcome }> = {
  admin: { read: 'ok', write: 'ok', hiddenDeal: 'ok', deletedDeal: 'ok' },
  manager: { read: 'ok', write: 'forbidden', hiddenDeal: 'hidden', deletedDeal: 'hidden' },
  rep: { read: 'ok', write: 'forbidden', hiddenDeal: 'hidden', deletedDeal: 'hidden' },
  inside_sales: { read: 'ok', write: 'forbidden', hiddenDeal: 'hidden', deletedDeal: 'hidden' },
  marketing: { read: 'ok', write: 'forbidden', hiddenDeal: 'ok', deletedDeal: 'ok' },
  // a partner sees the customer of a deal registered to its partner account
  partner: { read: 'ok', write: 'forbidden', hiddenDeal: 'hidden', deletedDeal: 'hidden' },
  auditor: { read: 'ok', write: 'forbidden', hiddenDeal: 'ok', deletedDeal: 'ok' },
  agent: { read: 'hidden', write: 'hidden', hiddenDeal: 'hidden', deletedDeal: 'hidden' },
};

describe('access through the related record: a deal shows its account and contacts', () => {
  for (const role of Object.keys(throughDeal) as Role[]) {
    it(role, async () => {
      const actor = actors[role];
      const admin = actors.admin;
      const expected = throughDeal[role];
      const post = async (url: string, payload: Record<string, unknown>) => {
        const r = await api.as(admin, { method: 'POST', url, payload });
        expect(r.statusCode, r.body).toBe(201);
        return r.json<{ id: string; version: number }>();
      };
      // the customer is owned by someone the actor cannot see (as after a hand-off)
      const customer = async (label: string) => {
        const account = await post('/api/v1/accounts', { name: `${role} ${label} customer`, ownerId: outsider.userId });
        const primary = await post('/api/v1/contacts', {
          lastName: `${role} ${label} primary`,
          accountId: account.id,
          ownerId: outsider.userId,
        });
        const roleContact = await post('/api/v1/contacts', {
          lastName: `${role} ${label} champion`,
          accountId: account.id,
          ownerId: outsider.userId,
        });
        return { account: account.id, primary: primary.id, roleContact: roleContact.id };
      };
      // the deal the actor may see: its own, or (partner) one registered to its partner account
      const dealFor = async (ids: Record<Related, string>, visible: boolean) =>
        post('/api/v1/deals', {
          name: `${role} deal`,
          accountId: ids.account,
          primaryContactId: ids.primary,
          contactRoles: [{ contactId: ids.roleContact, role: 'champion' }],
          ...(visible && role === 'partner'
            ? { ownerId: outsider.userId, channel: 'partner', partnerAccountId: fx.partnerAccountId }
            : { ownerId: visible && role !== 'auditor' && role !== 'marketing' ? actor.userId : outsider.userId }),
        });
      const onVisible = await customer('visible');
      await dealFor(onVisible, true);
      const onHidden = await customer('hidden');
      await dealFor(onHidden, false);
      const onDeleted = await customer('deleted');
      const deleted = await dealFor(onDeleted, true);
      const del = await api.as(admin, {
        method: 'DELETE',
        url: `/api/v1/deals/${deleted.id}`,
        headers: { 'if-match': String(deleted.version) },
      });
      expect(del.statusCode, del.body).toBe(204);

      const path = (r: Related) => (r === 'account' ? '/api/v1/accounts' : '/api/v1/contacts');
      const patch = (r: Related) => (r === 'account' ? { industry: 'Checked' } : { title: 'Checked' });
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const r of ['account', 'primary', 'roleContact'] as const) {
        got[`read ${r}`] = (await api.as(actor, { method: 'GET', url: `${path(r)}/${onVisible[r]}` })).statusCode;
        want[`read ${r}`] = status(expected.read);
        got[`timeline ${r}`] = (
          await api.as(actor, { method: 'GET', url: `${path(r)}/${onVisible[r]}/timeline` })
        ).statusCode;
        want[`timeline ${r}`] = status(expected.read);
        got[`write ${r}`] = (
          await api.as(actor, {
            method: 'PATCH',
            url: `${path(r)}/${onVisible[r]}`,
            headers: { 'if-match': '*' },
            payload: patch(r),
          })
        ).statusCode;
        want[`write ${r}`] = status(expected.write);
        got[`read ${r} on a hidden deal`] = (
          await api.as(actor, { method: 'GET', url: `${path(r)}/${onHidden[r]}` })
        ).statusCode;
        want[`read ${r} on a hidden deal`] = status(expected.hiddenDeal);
        got[`read ${r} on a deleted deal`] = (
          await api.as(actor, { method: 'GET', url: `${path(r)}/${onDeleted[r]}` })
        ).statusCode;
        want[`read ${r} on a deleted deal`] = status(expected.deletedDeal);
      }
      expect(got).toEqual(want);

      // the lists agree with the single reads
      const listed = async (url: string) => {
        const res = await api.as(actor, { method: 'GET', url });
        return new Set(res.statusCode === 200 ? res.json<{ items: { id: string }[] }>().items.map((i) => i.id) : []);
      };
      const accounts = await listed(`/api/v1/accounts?q=${encodeURIComponent(role)}&limit=200`);
      const contacts = await listed(`/api/v1/contacts?q=${encodeURIComponent(role)}&limit=200`);
      expect({
        account: accounts.has(onVisible.account),
        primary: contacts.has(onVisible.primary),
        roleContact: contacts.has(onVisible.roleContact),
        hiddenAccount: accounts.has(onHidden.account),
        hiddenContact: contacts.has(onHidden.primary),
        deletedAccount: accounts.has(onDeleted.account),
      }).toEqual({
        account: expected.read === 'ok',
        primary: expected.read === 'ok',
        roleContact: expected.read === 'ok',
        hiddenAccount: expected.hiddenDeal === 'ok',
        hiddenContact: expected.hiddenDeal === 'ok',
        deletedAccount: expected.deletedDeal === 'ok',
      });
    });
  }
});

/**
 * Access through a booking: inside sales books a field rep for a lead and a deal, and the records
 * then pass to someone else (a hand-off). The field rep reads the booked lead, the deal, its account
 * and its contacts while the meeting stands; whoever booked it keeps read access, cancelled or not.
 * Reading only: neither may change them. Written out per role by hand.
 */
type Booked = 'booking' | 'lead' | 'deal' | 'account' | 'contact';
const o = (booking: Outcome, lead: Outcome, deal: Outcome, account: Outcome, contact: Outcome) => ({
  booking,
  lead,
  deal,
  account,
  contact,
});
const throughBooking: Record<Role, { live: Record<Booked, Outcome>; cancelled: Record<Booked, Outcome> }> = {
  admin: { live: o('ok', 'ok', 'ok', 'ok', 'ok'), cancelled: o('ok', 'ok', 'ok', 'ok', 'ok') },
  // the manager leads another team than the field rep's and the inside rep's
  manager: {
    live: o('hidden', 'hidden', 'hidden', 'hidden', 'hidden'),
    cancelled: o('hidden', 'hidden', 'hidden', 'hidden', 'hidden'),
  },
  rep: { live: o('ok', 'ok', 'ok', 'ok', 'ok'), cancelled: o('ok', 'hidden', 'hidden', 'hidden', 'hidden') },
  inside_sales: { live: o('ok', 'ok', 'ok', 'ok', 'ok'), cancelled: o('ok', 'ok', 'ok', 'ok', 'ok') },
  marketing: { live: o('hidden', 'ok', 'hidden', 'ok', 'ok'), cancelled: o('hidden', 'ok', 'hidden', 'ok', 'ok') },
  partner: {
    live: o('hidden', 'hidden', 'hidden', 'hidden', 'hidden'),
    cancelled: o('hidden', 'hidden', 'hidden', 'hidden', 'hidden'),
  },
  auditor: { live: o('ok', 'ok', 'ok', 'ok', 'ok'), cancelled: o('ok', 'ok', 'ok', 'ok', 'ok') },
  agent: {
    live: o('hidden', 'hidden', 'hidden', 'hidden', 'hidden'),
    cancelled: o('hidden', 'hidden', 'hidden', 'hidden', 'hidden'),
  },
};

describe('access through a booking: the field rep sees what was booked for them', () => {
  it('for every role, while the meeting stands and once it is cancelled', async () => {
    const admin = actors.admin;
    const inside = actors.inside_sales;
    const field = actors.rep;
    const post = async (who: Actor, url: string, payload: Record<string, unknown>) => {
      const r = await api.as(who, { method: 'POST', url, payload });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ id: string; version: number }>();
    };
    const hours = await api.as(field, {
      method: 'PUT',
      url: `/api/v1/users/${field.userId}/availability`,
      headers: { 'if-match': '0' },
      payload: {
        timezone: 'UTC',
        workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
      },
    });
    expect(hours.statusCode, hours.body).toBe(200);
    const account = await post(admin, '/api/v1/accounts', { name: 'Booked customer', ownerId: outsider.userId });
    const contact = await post(admin, '/api/v1/contacts', {
      lastName: 'Booked buyer',
      accountId: account.id,
      ownerId: outsider.userId,
    });
    const deal = await post(admin, '/api/v1/deals', {
      name: 'Booked deal',
      accountId: account.id,
      primaryContactId: contact.id,
      ownerId: inside.userId,
    });
    const lead = await post(inside, '/api/v1/leads', { lastName: 'Booked lead', company: 'Booked Co' });
    const start = new Date(Date.now() + 7 * 86_400_000);
    start.setUTCHours(10, 0, 0, 0);
    const dealBooking = await post(inside, '/api/v1/bookings', {
      ownerId: field.userId,
      start: start.toISOString(),
      durationMinutes: 60,
      dealId: deal.id,
    });
    const leadBooking = await post(inside, '/api/v1/bookings', {
      ownerId: field.userId,
      start: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
      durationMinutes: 60,
      leadId: lead.id,
    });
    // the hand-off: the deal and the lead pass to someone neither party sees
    for (const [path, id] of [
      ['/api/v1/deals', deal.id],
      ['/api/v1/leads', lead.id],
    ] as const) {
      const r = await api.as(admin, {
        method: 'PATCH',
        url: `${path}/${id}`,
        headers: { 'if-match': '*' },
        payload: { ownerId: outsider.userId },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const urls: Record<Booked, string> = {
      booking: `/api/v1/bookings/${dealBooking.id}`,
      lead: `/api/v1/leads/${lead.id}`,
      deal: `/api/v1/deals/${deal.id}`,
      account: `/api/v1/accounts/${account.id}`,
      contact: `/api/v1/contacts/${contact.id}`,
    };
    const reads = async () => {
      const got: Record<string, number> = {};
      for (const role of Object.keys(throughBooking) as Role[])
        for (const what of Object.keys(urls) as Booked[])
          got[`${role} ${what}`] = (await api.as(actors[role], { method: 'GET', url: urls[what] })).statusCode;
      return got;
    };
    const want = (phase: 'live' | 'cancelled') =>
      Object.fromEntries(
        (Object.keys(throughBooking) as Role[]).flatMap((role) =>
          (Object.keys(urls) as Booked[]).map((what) => [`${role} ${what}`, status(throughBooking[role][phase][what])]),
        ),
      );
    expect(await reads()).toEqual(want('live'));
    // reading is not changing
    const edit = await api.as(field, {
      method: 'PATCH',
      url: `/api/v1/accounts/${account.id}`,
      headers: { 'if-match': '*' },
      payload: { industry: 'Changed' },
    });
    expect(edit.statusCode).toBe(403);
    // another organization never sees the booking
    expect((await api.as(foreignAdmin, { method: 'GET', url: urls.booking })).statusCode).toBe(404);

    for (const b of [dealBooking, leadBooking]) {
      const c = await api.as(inside, {
        method: 'POST',
        url: `/api/v1/bookings/${b.id}/cancel`,
        headers: { 'if-match': String(b.version) },
        payload: { reason: 'matrix' },
      });
      expect(c.statusCode, c.body).toBe(200);
    }
    expect(await reads()).toEqual(want('cancelled'));
  });
});

/**
 * Oversight records are about people: an approval about its requester, a finding about the person
 * whose events show it. Admins and auditors see every one (auditors work findings: reviewing them
 * is their part), managers their team's (not working findings about themselves), reps and inside
 * sales their own (read only), marketing and partners none.
 */
const approvalRead: Record<Role, Record<Whose, Outcome>> = {
  admin: all('ok'),
  auditor: all('ok'),
  manager: rows('ok', 'ok', 'hidden'),
  rep: rows('ok', 'hidden', 'hidden'),
  inside_sales: rows('ok', 'hidden', 'hidden'),
  marketing: all('hidden'),
  partner: all('hidden'),
  agent: all('hidden'),
};
const findingWork: Record<Role, Record<Whose, Outcome>> = {
  admin: all('ok'),
  auditor: all('ok'),
  manager: rows('forbidden', 'ok', 'hidden'),
  rep: rows('forbidden', 'hidden', 'hidden'),
  inside_sales: rows('forbidden', 'hidden', 'hidden'),
  marketing: all('hidden'),
  partner: all('hidden'),
  agent: all('hidden'),
};

describe('access matrix: approvals and findings', () => {
  for (const role of Object.keys(approvalRead) as Role[]) {
    it(role, async () => {
      const actor = actors[role];
      const people: Record<Whose, Actor> = {
        own: actor,
        team: role === 'manager' ? teammate : outsider,
        other: outsider,
        otherOrg: foreignAdmin,
      };
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const whose of ['own', 'team', 'other', 'otherOrg'] as const) {
        const person = people[whose];
        const deal = (
          await api.as(whose === 'otherOrg' ? foreignAdmin : actors.admin, {
            method: 'POST',
            url: '/api/v1/deals',
            payload: { name: `oversight-${role}-${whose}` },
          })
        ).json<{ id: string }>();
        const approvalId = deps.ids.id();
        const findingId = deps.ids.id();
        const now = deps.clock.now();
        await deps.db
          .insertInto('approvals')
          .values({
            org_id: person.orgId,
            id: approvalId,
            deal_id: deal.id,
            action: 'update_deal',
            change: JSON.stringify({ amount: '1.00' }),
            expected_version: 1,
            reasons: '[]',
            approvers: JSON.stringify([{ kind: 'role', role: 'admin' }]),
            status: 'pending',
            requested_by: person.userId,
            owner_id: person.userId,
            step_started_at: now,
            created_at: now,
          })
          .execute();
        await deps.db
          .insertInto('findings')
          .values({
            org_id: person.orgId,
            id: findingId,
            detector: 'stage_skip',
            fingerprint: findingId,
            severity: 'low',
            summary: 'moved forward over 1 designed stage',
            subject_type: 'deal',
            subject_id: deal.id,
            person_id: person.userId,
            evidence: '["1"]',
            status: 'open',
            detected_at: now,
            updated_at: now,
          })
          .execute();
        got[`approval ${whose}`] = (
          await api.as(actor, { method: 'GET', url: `/api/v1/approvals/${approvalId}` })
        ).statusCode;
        want[`approval ${whose}`] = status(approvalRead[role][whose]);
        got[`finding ${whose}`] = (
          await api.as(actor, { method: 'GET', url: `/api/v1/findings/${findingId}` })
        ).statusCode;
        want[`finding ${whose}`] = status(approvalRead[role][whose]);
        got[`work ${whose}`] = (
          await api.as(actor, {
            method: 'PATCH',
            url: `/api/v1/findings/${findingId}`,
            headers: { 'if-match': '*' },
            payload: { status: 'confirmed' },
          })
        ).statusCode;
        want[`work ${whose}`] = status(findingWork[role][whose]);
      }
      expect(got).toEqual(want);
    });
  }
});

/**
 * Deal registrations and channel conflicts: a partner sees and registers only for its own partner
 * account; channel managers (admin, manager) see and decide all; auditors read all and decide
 * nothing; other roles see none. Another organization's registrations are hidden from everyone.
 */
type RegistrationOutcome = {
  readOwn: Outcome;
  readOther: Outcome;
  list: 'own' | 'all' | 'refused';
  register: number;
  approve: Outcome;
  conflicts: Outcome;
};
const registrationMatrix: Record<Role, RegistrationOutcome> = {
  admin: { readOwn: 'ok', readOther: 'ok', list: 'all', register: 201, approve: 'ok', conflicts: 'ok' },
  manager: { readOwn: 'ok', readOther: 'ok', list: 'all', register: 201, approve: 'ok', conflicts: 'ok' },
  rep: {
    readOwn: 'hidden',
    readOther: 'hidden',
    list: 'refused',
    register: 403,
    approve: 'hidden',
    conflicts: 'forbidden',
  },
  inside_sales: {
    readOwn: 'hidden',
    readOther: 'hidden',
    list: 'refused',
    register: 403,
    approve: 'hidden',
    conflicts: 'forbidden',
  },
  marketing: {
    readOwn: 'hidden',
    readOther: 'hidden',
    list: 'refused',
    register: 403,
    approve: 'hidden',
    conflicts: 'forbidden',
  },
  partner: {
    readOwn: 'ok',
    readOther: 'hidden',
    list: 'own',
    register: 201,
    approve: 'forbidden',
    conflicts: 'forbidden',
  },
  auditor: { readOwn: 'ok', readOther: 'ok', list: 'all', register: 403, approve: 'forbidden', conflicts: 'ok' },
  agent: {
    readOwn: 'hidden',
    readOther: 'hidden',
    list: 'refused',
    register: 403,
    approve: 'hidden',
    conflicts: 'forbidden',
  },
};

describe('access matrix: deal registrations and channel conflicts', () => {
  for (const role of Object.keys(registrationMatrix) as Role[]) {
    it(role, async () => {
      const actor = actors[role];
      const expected = registrationMatrix[role];
      const admin = actors.admin;
      const otherPartner = (
        await api.as(admin, {
          method: 'POST',
          url: '/api/v1/accounts',
          payload: { name: `Other partner ${role}`, type: 'reseller' },
        })
      ).json<{ id: string }>().id;
      const register = async (who: Actor, payload: Record<string, unknown>) => {
        const r = await api.as(who, { method: 'POST', url: '/api/v1/registrations', payload });
        expect(r.statusCode, r.body).toBe(201);
        return r.json<{ id: string; version: number }>();
      };
      // unrelated customer names, so that no registration conflicts with another
      const unrelated = () => randomBytes(8).toString('hex');
      const own = await register(admin, {
        customerName: unrelated(),
        partnerAccountId: fx.partnerAccountId,
      });
      const other = await register(admin, { customerName: unrelated(), partnerAccountId: otherPartner });
      const foreignPartner = (
        await api.as(foreignAdmin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Foreign partner' } })
      ).json<{ id: string }>().id;
      const foreign = await register(foreignAdmin, {
        customerName: unrelated(),
        partnerAccountId: foreignPartner,
      });

      const read = async (id: string) =>
        (await api.as(actor, { method: 'GET', url: `/api/v1/registrations/${id}` })).statusCode;
      const list = await api.as(actor, { method: 'GET', url: '/api/v1/registrations?limit=200' });
      const listed = new Set(
        list.statusCode === 200 ? list.json<{ items: { id: string }[] }>().items.map((i) => i.id) : [],
      );
      const registered = await api.as(actor, {
        method: 'POST',
        url: '/api/v1/registrations',
        payload: {
          customerName: unrelated(),
          ...(role === 'partner' ? {} : { partnerAccountId: fx.partnerAccountId }),
        },
      });
      const approve = await api.as(actor, {
        method: 'POST',
        url: `/api/v1/registrations/${own.id}/approve`,
        headers: { 'if-match': String(own.version) },
        payload: {},
      });
      const conflicts = await api.as(actor, { method: 'GET', url: '/api/v1/channel-conflicts' });
      expect({
        readOwn: await read(own.id),
        readOther: await read(other.id),
        readForeign: await read(foreign.id),
        list: list.statusCode !== 200 ? 'refused' : listed.has(other.id) ? 'all' : listed.has(own.id) ? 'own' : 'none',
        listsForeign: listed.has(foreign.id),
        register: registered.statusCode,
        approve: approve.statusCode,
        conflicts: conflicts.statusCode,
      }).toEqual({
        readOwn: status(expected.readOwn),
        readOther: status(expected.readOther),
        readForeign: 404,
        list: expected.list,
        listsForeign: false,
        register: expected.register,
        approve: status(expected.approve),
        conflicts: status(expected.conflicts),
      });
    });
  }
});

/**
 * Leads offered to partners: a partner sees only the offers made to its own partner account and is
 * the only one to answer them; channel managers offer leads and see every offer; auditors read
 * every offer; other roles none. Another organization's offers are hidden from everyone.
 */
type LeadOfferOutcome = {
  readOwn: Outcome;
  readOther: Outcome;
  list: 'own' | 'all' | 'refused';
  offer: number;
  accept: Outcome;
};
const noOffers: LeadOfferOutcome = {
  readOwn: 'hidden',
  readOther: 'hidden',
  list: 'refused',
  offer: 403,
  accept: 'hidden',
};
const leadOfferMatrix: Record<Role, LeadOfferOutcome> = {
  admin: { readOwn: 'ok', readOther: 'ok', list: 'all', offer: 201, accept: 'forbidden' },
  manager: { readOwn: 'ok', readOther: 'ok', list: 'all', offer: 201, accept: 'forbidden' },
  rep: noOffers,
  inside_sales: noOffers,
  marketing: noOffers,
  partner: { readOwn: 'ok', readOther: 'hidden', list: 'own', offer: 403, accept: 'ok' },
  auditor: { readOwn: 'ok', readOther: 'ok', list: 'all', offer: 403, accept: 'forbidden' },
  agent: noOffers,
};

describe('access matrix: leads offered to partners', () => {
  for (const role of Object.keys(leadOfferMatrix) as Role[]) {
    it(role, async () => {
      const actor = actors[role];
      const expected = leadOfferMatrix[role];
      const admin = actors.admin;
      const created = async (who: Actor, url: string, payload: Record<string, unknown>) => {
        const r = await api.as(who, { method: 'POST', url, payload });
        expect(r.statusCode, r.body).toBe(201);
        return r.json<{ id: string; version: number }>();
      };
      const inProgramme = async (who: Actor, accountId: string) => {
        const r = await api.as(who, {
          method: 'PUT',
          url: `/api/v1/partners/${accountId}`,
          payload: { partnerType: 'reseller' },
        });
        expect(r.statusCode, r.body).toBe(200);
      };
      await inProgramme(admin, fx.partnerAccountId);
      const otherPartner = await created(admin, '/api/v1/accounts', {
        name: `Offer partner ${role}`,
        type: 'reseller',
      });
      await inProgramme(admin, otherPartner.id);
      const lead = (who: Actor) => created(who, '/api/v1/leads', { lastName: `Offered ${role}`, company: 'Lead Co' });
      const offer = async (who: Actor, leadId: string, partnerAccountId: string) =>
        created(who, '/api/v1/lead-offers', { leadId, partnerAccountId });
      const own = await offer(admin, (await lead(admin)).id, fx.partnerAccountId);
      const other = await offer(admin, (await lead(admin)).id, otherPartner.id);
      const foreignPartner = await created(foreignAdmin, '/api/v1/accounts', { name: 'Foreign offer partner' });
      await inProgramme(foreignAdmin, foreignPartner.id);
      const foreign = await offer(foreignAdmin, (await lead(foreignAdmin)).id, foreignPartner.id);

      const read = async (id: string) =>
        (await api.as(actor, { method: 'GET', url: `/api/v1/lead-offers/${id}` })).statusCode;
      const list = await api.as(actor, { method: 'GET', url: '/api/v1/lead-offers?limit=200' });
      const listed = new Set(
        list.statusCode === 200 ? list.json<{ items: { id: string }[] }>().items.map((i) => i.id) : [],
      );
      // a manager offers the leads it sees: its own
      const toOffer = await lead(role === 'manager' ? actor : admin);
      const offered = await api.as(actor, {
        method: 'POST',
        url: '/api/v1/lead-offers',
        payload: { leadId: toOffer.id, partnerAccountId: fx.partnerAccountId },
      });
      const accept = await api.as(actor, {
        method: 'POST',
        url: `/api/v1/lead-offers/${own.id}/accept`,
        headers: { 'if-match': String(own.version) },
      });
      expect({
        readOwn: await read(own.id),
        readOther: await read(other.id),
        readForeign: await read(foreign.id),
        list: list.statusCode !== 200 ? 'refused' : listed.has(other.id) ? 'all' : listed.has(own.id) ? 'own' : 'none',
        listsForeign: listed.has(foreign.id),
        offer: offered.statusCode,
        accept: accept.statusCode,
      }).toEqual({
        readOwn: status(expected.readOwn),
        readOther: status(expected.readOther),
        readForeign: 404,
        list: expected.list,
        listsForeign: false,
        offer: expected.offer,
        accept: status(expected.accept),
      });
    });
  }
});

/** Whose names a role reads in the user directory: internal roles everyone, a partner its own and its deals' owners. */
describe('access matrix: the user directory', () => {
  it('shows a partner itself and the owners of its deals, and refuses no request', async () => {
    const partner = actors.partner;
    const owner = await createTestUser(deps, actors.admin, 'rep', { name: 'Owner Of Partner Deal' });
    const stranger = await createTestUser(deps, actors.admin, 'rep', { name: 'Owner Of Nothing Partnered' });
    const deal = await api.as(actors.admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: {
        name: 'Partner deal with owner',
        ownerId: owner.userId,
        channel: 'partner',
        partnerAccountId: fx.partnerAccountId,
      },
    });
    expect(deal.statusCode, deal.body).toBe(201);
    const list = await api.as(partner, { method: 'GET', url: '/api/v1/users?limit=200' });
    expect(list.statusCode).toBe(200);
    const ids = new Set(list.json<{ items: { id: string }[] }>().items.map((u) => u.id));
    expect(ids.has(partner.userId)).toBe(true);
    expect(ids.has(owner.userId)).toBe(true);
    expect(ids.has(stranger.userId)).toBe(false);
    expect((await api.as(partner, { method: 'GET', url: `/api/v1/users/${owner.userId}` })).statusCode).toBe(200);
    expect((await api.as(partner, { method: 'GET', url: `/api/v1/users/${stranger.userId}` })).statusCode).toBe(404);
    // The owner's name, not their history: a partner reads only its own user timeline.
    const history = (who: Actor, id: string) => api.as(who, { method: 'GET', url: `/api/v1/users/${id}/timeline` });
    expect((await history(partner, owner.userId)).statusCode).toBe(404);
    expect((await history(partner, partner.userId)).statusCode).toBe(200);
    expect((await history(actors.rep, owner.userId)).statusCode).toBe(200);
    expect((await api.as(actors.rep, { method: 'GET', url: `/api/v1/users/${stranger.userId}` })).statusCode).toBe(200);
  });
});

/**
 * Marketing: campaigns (read by every internal role, written by marketing and admins), touches
 * (seen on the leads the actor may read: a rep its own, marketing all, partners none) and the
 * attributed revenue (marketing and the roles answering for the numbers).
 */
const marketingAccess: Record<
  Role,
  { readCampaign: number; createCampaign: number; attribution: number; ownTouches: boolean; otherTouches: boolean }
> = {
  admin: { readCampaign: 200, createCampaign: 201, attribution: 200, ownTouches: true, otherTouches: true },
  manager: { readCampaign: 200, createCampaign: 403, attribution: 200, ownTouches: true, otherTouches: false },
  rep: { readCampaign: 200, createCampaign: 403, attribution: 403, ownTouches: true, otherTouches: false },
  inside_sales: { readCampaign: 200, createCampaign: 403, attribution: 403, ownTouches: true, otherTouches: false },
  marketing: { readCampaign: 200, createCampaign: 201, attribution: 200, ownTouches: true, otherTouches: true },
  partner: { readCampaign: 403, createCampaign: 403, attribution: 403, ownTouches: false, otherTouches: false },
  auditor: { readCampaign: 200, createCampaign: 403, attribution: 200, ownTouches: true, otherTouches: true },
  agent: { readCampaign: 403, createCampaign: 403, attribution: 403, ownTouches: false, otherTouches: false },
};

describe('access matrix: campaigns, touches and attribution', () => {
  for (const role of Object.keys(marketingAccess) as Role[]) {
    it(role, async () => {
      const actor = actors[role];
      const admin = actors.admin;
      const expected = marketingAccess[role];
      const campaign = (
        await api.as(admin, {
          method: 'POST',
          url: '/api/v1/campaigns',
          payload: { name: `${role} campaign`, type: 'email' },
        })
      ).json<{ id: string }>();
      const lead = async (ownerId: string) => {
        const r = await api.as(admin, {
          method: 'POST',
          url: '/api/v1/leads',
          payload: { lastName: `${role} touched`, ownerId },
        });
        expect(r.statusCode, r.body).toBe(201);
        const id = r.json<{ id: string }>().id;
        const t = await api.as(admin, {
          method: 'POST',
          url: `/api/v1/campaigns/${campaign.id}/touches`,
          payload: { leadId: id, kind: 'clicked' },
        });
        expect(t.statusCode, t.body).toBe(201);
        return id;
      };
      // partners and auditors own no leads: their "own" lead is someone else's
      const own = await lead(role === 'partner' || role === 'auditor' ? outsider.userId : actor.userId);
      const other = await lead(outsider.userId);
      const foreign = (
        await api.as(foreignAdmin, {
          method: 'POST',
          url: '/api/v1/campaigns',
          payload: { name: 'foreign', type: 'email' },
        })
      ).json<{ id: string }>();

      const touches = await api.as(actor, { method: 'GET', url: `/api/v1/campaigns/${campaign.id}/touches` });
      const seen = new Set(
        touches.statusCode === 200 ? touches.json<{ items: { leadId: string }[] }>().items.map((t) => t.leadId) : [],
      );
      expect({
        readCampaign: (await api.as(actor, { method: 'GET', url: `/api/v1/campaigns/${campaign.id}` })).statusCode,
        createCampaign: (
          await api.as(actor, { method: 'POST', url: '/api/v1/campaigns', payload: { name: 'by role', type: 'email' } })
        ).statusCode,
        attribution: (await api.as(actor, { method: 'GET', url: '/api/v1/analytics/attribution?resamples=10' }))
          .statusCode,
        ownTouches: seen.has(own),
        otherTouches: seen.has(other),
      }).toEqual(expected);
      // another organization's campaign is not found, whatever the role may do in its own
      const foreignRead = (await api.as(actor, { method: 'GET', url: `/api/v1/campaigns/${foreign.id}` })).statusCode;
      expect(foreignRead).toBe(role === 'partner' || role === 'agent' ? 403 : 404);
      // recording touches is marketing's and the admin's
      const record = await api.as(actor, {
        method: 'POST',
        url: `/api/v1/campaigns/${campaign.id}/touches`,
        payload: { leadId: own, kind: 'visited' },
      });
      expect(record.statusCode).toBe(role === 'admin' || role === 'marketing' ? 201 : 403);
    });
  }
});

/**
 * Commission statements are about a payee: everyone reads their own (a partner user its partner
 * account's, an agent user its agent party's), managers their team's, admins and auditors everyone's. The team screen is for
 * managers, admins and auditors; plans are made by admins; bonuses granted by admins and by
 * managers for their team.
 */
type StatementWhose = 'own' | 'teammate' | 'outsider' | 'partnerAccount' | 'agentParty';
const statementRead: Record<Role, Record<StatementWhose, Outcome>> = {
  admin: { own: 'ok', teammate: 'ok', outsider: 'ok', partnerAccount: 'ok', agentParty: 'ok' },
  auditor: { own: 'ok', teammate: 'ok', outsider: 'ok', partnerAccount: 'ok', agentParty: 'ok' },
  manager: { own: 'ok', teammate: 'ok', outsider: 'forbidden', partnerAccount: 'forbidden', agentParty: 'forbidden' },
  rep: {
    own: 'ok',
    teammate: 'forbidden',
    outsider: 'forbidden',
    partnerAccount: 'forbidden',
    agentParty: 'forbidden',
  },
  inside_sales: {
    own: 'ok',
    teammate: 'forbidden',
    outsider: 'forbidden',
    partnerAccount: 'forbidden',
    agentParty: 'forbidden',
  },
  marketing: {
    own: 'ok',
    teammate: 'forbidden',
    outsider: 'forbidden',
    partnerAccount: 'forbidden',
    agentParty: 'forbidden',
  },
  partner: { own: 'ok', teammate: 'forbidden', outsider: 'forbidden', partnerAccount: 'ok', agentParty: 'forbidden' },
  agent: { own: 'ok', teammate: 'forbidden', outsider: 'forbidden', partnerAccount: 'forbidden', agentParty: 'ok' },
};
const commissionWork: Record<Role, { team: number; plan: number; bonus: number }> = {
  admin: { team: 200, plan: 201, bonus: 201 },
  auditor: { team: 200, plan: 403, bonus: 403 },
  manager: { team: 200, plan: 403, bonus: 201 },
  rep: { team: 403, plan: 403, bonus: 403 },
  inside_sales: { team: 403, plan: 403, bonus: 403 },
  marketing: { team: 403, plan: 403, bonus: 403 },
  partner: { team: 403, plan: 403, bonus: 403 },
  agent: { team: 403, plan: 403, bonus: 403 },
};

describe('access matrix: commission statements', () => {
  for (const role of Object.keys(statementRead) as Role[]) {
    it(role, async () => {
      const actor = actors[role];
      const profile = await api.as(actors.admin, {
        method: 'PUT',
        url: `/api/v1/partners/${fx.partnerAccountId}`,
        payload: { partnerType: 'reseller' },
      });
      expect(profile.statusCode, profile.body).toBe(200);
      const url = (payee: string) => `/api/v1/commission-statements?period=2026-01${payee}`;
      const payees: Record<StatementWhose, string> = {
        own: '',
        teammate: `&payeeId=${teammate.userId}`,
        outsider: `&payeeId=${outsider.userId}`,
        partnerAccount: `&payeeKind=partner&payeeId=${fx.partnerAccountId}`,
        agentParty: `&payeeKind=agent&payeeId=${fx.agentPartyId}`,
      };
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const whose of Object.keys(payees) as StatementWhose[]) {
        got[whose] = (await api.as(actor, { method: 'GET', url: url(payees[whose]) })).statusCode;
        want[whose] = status(statementRead[role][whose]);
      }
      got.team = (
        await api.as(actor, { method: 'GET', url: '/api/v1/commission-statements/team?period=2026-01' })
      ).statusCode;
      got.plan = (
        await api.as(actor, {
          method: 'POST',
          url: '/api/v1/commission-plans',
          payload: {
            name: `Plan ${role} ${randomBytes(3).toString('hex')}`,
            rates: [{ family: null, ratePercent: '5' }],
          },
        })
      ).statusCode;
      got.bonus = (
        await api.as(actor, {
          method: 'POST',
          url: '/api/v1/commission-bonuses',
          payload: { payeeId: teammate.userId, amount: '10.00', reason: 'Matrix' },
        })
      ).statusCode;
      Object.assign(want, commissionWork[role]);
      expect(got).toEqual(want);
    });
  }
});

/**
 * Inbound capture forms: marketing and admins define them and read their submissions; every other
 * role (partners included) gets 403; another organization's form is not found. The leads a form
 * creates are read as any lead (the lead matrix above).
 */
const formAccess: Record<Role, { list: number; create: number; read: number; submissions: number }> = {
  admin: { list: 200, create: 201, read: 200, submissions: 200 },
  manager: { list: 403, create: 403, read: 403, submissions: 403 },
  rep: { list: 403, create: 403, read: 403, submissions: 403 },
  inside_sales: { list: 403, create: 403, read: 403, submissions: 403 },
  marketing: { list: 200, create: 201, read: 200, submissions: 200 },
  partner: { list: 403, create: 403, read: 403, submissions: 403 },
  auditor: { list: 403, create: 403, read: 403, submissions: 403 },
  agent: { list: 403, create: 403, read: 403, submissions: 403 },
};

describe('access matrix: inbound capture forms', () => {
  const definition = (campaignId: string, ownerId: string) => ({
    name: 'Matrix form',
    campaignId,
    fields: [
      { leadField: 'email', label: 'Email', required: true },
      { leadField: 'lastName', label: 'Name', required: true },
    ],
    routing: { kind: 'owner', ownerId },
  });
  const newForm = async (admin: Actor) => {
    const campaign = (
      await api.as(admin, { method: 'POST', url: '/api/v1/campaigns', payload: { name: 'forms', type: 'content' } })
    ).json<{ id: string }>();
    const r = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/capture-forms',
      payload: definition(campaign.id, admin.userId),
    });
    expect(r.statusCode, r.body).toBe(201);
    return { campaignId: campaign.id, formId: r.json<{ id: string }>().id };
  };
  for (const role of Object.keys(formAccess) as Role[]) {
    it(role, async () => {
      const actor = actors[role];
      const own = await newForm(actors.admin);
      const foreign = await newForm(foreignAdmin);
      expect({
        list: (await api.as(actor, { method: 'GET', url: '/api/v1/capture-forms' })).statusCode,
        create: (
          await api.as(actor, {
            method: 'POST',
            url: '/api/v1/capture-forms',
            payload: definition(own.campaignId, actors.admin.userId),
          })
        ).statusCode,
        read: (await api.as(actor, { method: 'GET', url: `/api/v1/capture-forms/${own.formId}` })).statusCode,
        submissions: (await api.as(actor, { method: 'GET', url: `/api/v1/capture-forms/${own.formId}/submissions` }))
          .statusCode,
      }).toEqual(formAccess[role]);
      const foreignRead = await api.as(actor, { method: 'GET', url: `/api/v1/capture-forms/${foreign.formId}` });
      expect(foreignRead.statusCode).toBe(formAccess[role].read === 200 ? 404 : 403);
    });
  }
});

/**
 * Forecasts: reps read their own figures, managers their team's, admins and auditors everyone's,
 * marketing and partners nobody's; reps and managers submit their own, managers roll up, nobody
 * else submits (auditors read only). Another organization's people are hidden from everyone.
 */
const forecastRead: Record<Role, Record<Whose, Outcome>> = {
  admin: all('ok'),
  auditor: all('ok'),
  manager: rows('ok', 'ok', 'hidden'),
  rep: rows('ok', 'hidden', 'hidden'),
  inside_sales: rows('ok', 'hidden', 'hidden'),
  marketing: all('hidden'),
  partner: all('hidden'),
  agent: all('hidden'),
};
const forecastWrite: Record<Role, { submit: number; rollUp: number; list: number }> = {
  admin: { submit: 403, rollUp: 403, list: 200 },
  auditor: { submit: 403, rollUp: 403, list: 200 },
  manager: { submit: 201, rollUp: 201, list: 200 },
  rep: { submit: 201, rollUp: 403, list: 200 },
  inside_sales: { submit: 403, rollUp: 403, list: 200 },
  marketing: { submit: 403, rollUp: 403, list: 403 },
  partner: { submit: 403, rollUp: 403, list: 403 },
  agent: { submit: 403, rollUp: 403, list: 403 },
};

describe('access matrix: forecast submissions', () => {
  for (const role of Object.keys(forecastRead) as Role[]) {
    it(role, async () => {
      const actor = actors[role];
      const people: Record<Whose, Actor> = {
        own: actor,
        team: role === 'manager' ? teammate : outsider,
        other: outsider,
        otherOrg: foreignAdmin,
      };
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const whose of ['own', 'team', 'other', 'otherOrg'] as const) {
        got[`draft ${whose}`] = (
          await api.as(actor, {
            method: 'GET',
            url: `/api/v1/forecasts/draft?period=2026-Q1&userId=${people[whose].userId}`,
          })
        ).statusCode;
        want[`draft ${whose}`] = status(forecastRead[role][whose]);
      }
      const w = forecastWrite[role];
      got.submit = (
        await api.as(actor, { method: 'POST', url: '/api/v1/forecasts', payload: { period: '2026-Q1' } })
      ).statusCode;
      got.rollUp = (
        await api.as(actor, { method: 'POST', url: '/api/v1/forecasts/rollup', payload: { period: '2026-Q1' } })
      ).statusCode;
      got.list = (await api.as(actor, { method: 'GET', url: '/api/v1/forecasts?period=2026-Q1' })).statusCode;
      expect(got).toEqual({ ...want, submit: w.submit, rollUp: w.rollUp, list: w.list });
    });
  }
});

/**
 * Lead scoring: marketing and admins configure it and read the model's report; every role sees the
 * scores of the leads it reads (a rep its own, a manager the team's), in the lead inbox too;
 * partners nothing.
 */
const scoringAccess: Record<
  Role,
  { settings: number; model: number; ownScore: number; otherScore: number; inboxOwn: boolean; inboxOther: boolean }
> = {
  admin: { settings: 200, model: 200, ownScore: 200, otherScore: 200, inboxOwn: true, inboxOther: true },
  manager: { settings: 403, model: 403, ownScore: 200, otherScore: 404, inboxOwn: true, inboxOther: false },
  rep: { settings: 403, model: 403, ownScore: 200, otherScore: 404, inboxOwn: true, inboxOther: false },
  inside_sales: { settings: 403, model: 403, ownScore: 200, otherScore: 404, inboxOwn: true, inboxOther: false },
  marketing: { settings: 200, model: 200, ownScore: 200, otherScore: 200, inboxOwn: true, inboxOther: true },
  partner: { settings: 403, model: 403, ownScore: 404, otherScore: 404, inboxOwn: false, inboxOther: false },
  auditor: { settings: 403, model: 403, ownScore: 200, otherScore: 200, inboxOwn: true, inboxOther: true },
  agent: { settings: 403, model: 403, ownScore: 404, otherScore: 404, inboxOwn: false, inboxOther: false },
};

describe('access matrix: lead scoring', () => {
  for (const role of Object.keys(scoringAccess) as Role[]) {
    it(role, async () => {
      const actor = actors[role];
      const lead = async (ownerId: string, as = actors.admin) => {
        const r = await api.as(as, {
          method: 'POST',
          url: '/api/v1/leads',
          payload: { lastName: `${role} scored`, ownerId },
        });
        expect(r.statusCode, r.body).toBe(201);
        return r.json<{ id: string }>().id;
      };
      // partners and auditors own no leads: their "own" lead is someone else's
      const own = await lead(role === 'partner' || role === 'auditor' ? outsider.userId : actor.userId);
      const other = await lead(outsider.userId);
      const foreign = await lead(foreignAdmin.userId, foreignAdmin);
      const inbox = await api.as(actor, { method: 'GET', url: '/api/v1/scoring/inbox?stage=lead&limit=200' });
      const seen = new Set(
        inbox.statusCode === 200 ? inbox.json<{ items: { leadId: string }[] }>().items.map((i) => i.leadId) : [],
      );
      expect({
        settings: (await api.as(actor, { method: 'GET', url: '/api/v1/scoring/settings' })).statusCode,
        model: (await api.as(actor, { method: 'GET', url: '/api/v1/scoring/model' })).statusCode,
        ownScore: (await api.as(actor, { method: 'GET', url: `/api/v1/leads/${own}/score` })).statusCode,
        otherScore: (await api.as(actor, { method: 'GET', url: `/api/v1/leads/${other}/score` })).statusCode,
        inboxOwn: seen.has(own),
        inboxOther: seen.has(other),
      }).toEqual(scoringAccess[role]);
      // another organization's lead is not found, whatever the role
      expect((await api.as(actor, { method: 'GET', url: `/api/v1/leads/${foreign}/score` })).statusCode).toBe(404);
    });
  }
});

/**
 * The forecast and commissions screens are offered (navigation, route) exactly to the roles whose
 * reads behind them the API answers: the forecast list and attainment, and the role's own statement
 * (a partner user's is its partner account's). The rules are `hasForecastScreen` and
 * `hasCommissionsScreen` in src/contract/access.ts, which the web app's menu and routes use.
 */
describe('access matrix: forecast and commission screens', () => {
  for (const role of Object.keys(forecastRead) as Role[]) {
    it(role, async () => {
      const actor = actors[role];
      // A partner account is a payee once it has a partner profile.
      const profile = await api.as(actors.admin, {
        method: 'PUT',
        url: `/api/v1/partners/${fx.partnerAccountId}`,
        payload: { partnerType: 'reseller' },
      });
      expect(profile.statusCode, profile.body).toBe(200);
      const get = async (url: string) => (await api.as(actor, { method: 'GET', url })).statusCode;
      const forecasts = await get('/api/v1/forecasts?period=2026-Q1');
      const attainment = await get('/api/v1/quotas/attainment?period=2026-Q1');
      const statement = await get('/api/v1/commission-statements?period=2026-01');
      expect({ forecast: hasForecastScreen(actor), commissions: hasCommissionsScreen(actor) }).toEqual({
        forecast: forecasts === 200 && attainment === 200,
        commissions: statement === 200,
      });
      // Only marketing and partners are without the forecast screen; everyone has a statement.
      expect(hasForecastScreen(actor)).toBe(role !== 'marketing' && role !== 'partner' && role !== 'agent');
      expect(hasCommissionsScreen(actor)).toBe(true);
    });
  }
});

/** Hand-offs of MQLs to sales: read per owner, accepted by the owner, their manager or an admin. */
type HandoffWhose = 'own' | 'team' | 'other' | 'otherOrg';
const handoffAccess: Record<
  Role,
  {
    read: Record<HandoffWhose, number>;
    accept: Record<Exclude<HandoffWhose, 'otherOrg'>, number>;
    policy: number;
    list: number;
  }
> = {
  admin: {
    read: { own: 200, team: 200, other: 200, otherOrg: 404 },
    accept: { own: 200, team: 200, other: 200 },
    policy: 200,
    list: 200,
  },
  manager: {
    read: { own: 200, team: 200, other: 404, otherOrg: 404 },
    accept: { own: 200, team: 200, other: 404 },
    policy: 403,
    list: 200,
  },
  rep: {
    read: { own: 200, team: 404, other: 404, otherOrg: 404 },
    accept: { own: 200, team: 404, other: 404 },
    policy: 403,
    list: 200,
  },
  inside_sales: {
    read: { own: 200, team: 404, other: 404, otherOrg: 404 },
    accept: { own: 200, team: 404, other: 404 },
    policy: 403,
    list: 200,
  },
  marketing: {
    read: { own: 200, team: 200, other: 200, otherOrg: 404 },
    accept: { own: 403, team: 403, other: 403 },
    policy: 403,
    list: 200,
  },
  partner: {
    read: { own: 404, team: 404, other: 404, otherOrg: 404 },
    accept: { own: 404, team: 404, other: 404 },
    policy: 403,
    list: 403,
  },
  auditor: {
    read: { own: 200, team: 200, other: 200, otherOrg: 404 },
    accept: { own: 403, team: 403, other: 403 },
    policy: 403,
    list: 200,
  },
  agent: {
    read: { own: 404, team: 404, other: 404, otherOrg: 404 },
    accept: { own: 404, team: 404, other: 404 },
    policy: 403,
    list: 403,
  },
};

describe('access matrix: lead hand-offs and the SLA policy', () => {
  for (const role of Object.keys(handoffAccess) as Role[]) {
    it(role, async () => {
      const actor = actors[role];
      /** A lead of `ownerId` moved to MQL, so it is handed to its owner: the hand-off's id. */
      const handoff = async (ownerId: string, as = actors.admin) => {
        const r = await api.as(as, {
          method: 'POST',
          url: '/api/v1/leads',
          payload: { lastName: `${role} handed`, ownerId },
        });
        expect(r.statusCode, r.body).toBe(201);
        const lead = r.json<{ id: string }>().id;
        const m = await api.as(as, {
          method: 'POST',
          url: `/api/v1/leads/${lead}/lifecycle`,
          headers: { 'if-match': '*' },
          payload: { stage: 'mql' },
        });
        expect(m.statusCode, m.body).toBe(200);
        const list = await api.as(as, { method: 'GET', url: `/api/v1/handoffs?leadId=${lead}` });
        const id = list.json<{ items: { id: string }[] }>().items[0]?.id;
        if (!id) throw new Error('no hand-off opened');
        return id;
      };
      // only sales users are handed leads: other roles' "own" hand-off is someone else's
      const sales = role === 'admin' || role === 'manager' || role === 'rep' || role === 'inside_sales';
      const ids = {
        own: await handoff(sales && role !== 'admin' ? actor.userId : outsider.userId),
        team: await handoff(teammate.userId),
        other: await handoff(outsider.userId),
      };
      const foreignRep = await createTestUser(deps, foreignAdmin, 'rep');
      const otherOrg = await handoff(foreignRep.userId, foreignAdmin);
      const got = {
        read: {
          own: (await api.as(actor, { method: 'GET', url: `/api/v1/handoffs/${ids.own}` })).statusCode,
          team: (await api.as(actor, { method: 'GET', url: `/api/v1/handoffs/${ids.team}` })).statusCode,
          other: (await api.as(actor, { method: 'GET', url: `/api/v1/handoffs/${ids.other}` })).statusCode,
          otherOrg: (await api.as(actor, { method: 'GET', url: `/api/v1/handoffs/${otherOrg}` })).statusCode,
        },
        accept: { own: 0, team: 0, other: 0 },
        policy: (await api.as(actor, { method: 'GET', url: '/api/v1/sla-policy' })).statusCode,
        list: (await api.as(actor, { method: 'GET', url: '/api/v1/handoffs?limit=200' })).statusCode,
      };
      for (const whose of ['own', 'team', 'other'] as const)
        got.accept[whose] = (
          await api.as(actor, {
            method: 'POST',
            url: `/api/v1/handoffs/${ids[whose]}/accept`,
            headers: { 'if-match': '*' },
          })
        ).statusCode;
      expect(got).toEqual(handoffAccess[role]);
      // rejecting follows the same rule as accepting
      const another = await handoff(sales && role !== 'admin' ? actor.userId : outsider.userId);
      const reject = await api.as(actor, {
        method: 'POST',
        url: `/api/v1/handoffs/${another}/reject`,
        headers: { 'if-match': '*' },
        payload: { reason: 'not ready' },
      });
      expect(reject.statusCode).toBe(handoffAccess[role].accept.own);
    });
  }
});
