import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bigramSimilarity,
  emailDomain,
  matchAccounts,
  nameWords,
  normalizeDomain,
  type AccountMatch,
} from '../src/contract/account-match.ts';
import type { LeadDto } from '../src/contract/leads.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

const accounts = [
  { id: 'a1', name: 'Willow Logistics', domain: 'willow.example' },
  { id: 'a2', name: 'Fjord Logistics AS', domain: null },
  { id: 'a3', name: 'Nordic Freight', domain: 'https://www.fjordfreight.example/' },
  { id: 'a4', name: 'Fjordline Shipping', domain: null },
];

describe('matching a lead to existing accounts', () => {
  it('normalises domains, work email domains and company names', () => {
    expect(normalizeDomain('https://www.Fjord.example/about?x=1')).toBe('fjord.example');
    expect(normalizeDomain('not a domain')).toBeNull();
    expect(emailDomain('freya@Fjord.example')).toBe('fjord.example');
    expect(emailDomain('freya@gmail.com')).toBeNull();
    expect(nameWords('Fjord-Logistics A/S')).toEqual(['fjord', 'logistics']);
    expect(nameWords('Ålesund Fisk & Co. Ltd')).toEqual(['alesund', 'fisk']);
  });

  it('measures name similarity on character bigrams (worked by hand)', () => {
    // acme: ac cm me; acne: ac cn ne → 1 shared of 3 + 3 → 2·1/6.
    expect(bigramSimilarity('acme', 'acne')).toBeCloseTo(1 / 3, 10);
    // fjordline (8 bigrams) in fjordlines (9): all 8 shared → 16/17.
    expect(bigramSimilarity('fjordline', 'fjordlines')).toBeCloseTo(16 / 17, 10);
    expect(bigramSimilarity('fjord', 'willow')).toBe(0);
  });

  it('proposes Fjord Logistics AS, not Willow Logistics, for a Fjord Logistics lead, saying why', () => {
    const m = matchAccounts({ company: 'Fjord Logistics', companyDomain: null, email: 'freya@gmail.com' }, accounts);
    expect(m.map((x) => [x.accountId, x.reason, x.score, x.explanation])).toEqual([
      ['a2', 'name', 1, "Same name as the lead's company (Fjord Logistics)"],
    ]);
  });

  it('puts a domain match first, from the company domain or the work email', () => {
    const byMail = matchAccounts(
      { company: 'Fjord Logistics', companyDomain: null, email: 'ops@fjordfreight.example' },
      accounts,
    );
    expect(byMail.map((x: AccountMatch) => [x.accountId, x.reason, x.explanation])).toEqual([
      ['a3', 'domain', "Same web domain as the lead's email: fjordfreight.example"],
      ['a2', 'name', "Same name as the lead's company (Fjord Logistics)"],
    ]);
    const byCompany = matchAccounts({ company: null, companyDomain: 'willow.example', email: null }, accounts);
    expect(byCompany.map((x) => x.explanation)).toEqual(["Same web domain as the lead's company: willow.example"]);
  });

  it('accepts a near spelling of the distinctive words and refuses a shared trade word alone', () => {
    const m = matchAccounts({ company: 'Fjordlines', companyDomain: null, email: null }, accounts);
    // "fjordline" (shipping is a trade word) against "fjordlines": 16/17 = 0.94.
    expect(m.map((x) => [x.accountId, x.score])).toEqual([['a4', 0.94]]);
    expect(matchAccounts({ company: 'Acme Logistics', companyDomain: null, email: null }, accounts)).toEqual([]);
  });
});

let deps: TestDeps;
let api: Api;
beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('GET /leads/:id/account-matches', () => {
  it('proposes the visible accounts that match, best first, and refuses an unknown lead', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const other = await createTestUser(deps, admin, 'rep');
    const make = async (actor: typeof rep, name: string, domain: string | null) => {
      const res = await api.as(actor, { method: 'POST', url: '/api/v1/accounts', payload: { name, domain } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    await make(rep, 'Willow Logistics', null);
    const fjord = await make(rep, 'Fjord Logistics AS', null);
    const byDomain = await make(rep, 'FL Holding', 'fjord.example');
    await make(other, 'Fjord Logistics Ltd', null); // not visible to the rep
    const lead = await api.as(rep, {
      method: 'POST',
      url: '/api/v1/leads',
      payload: { lastName: 'Berg', company: 'Fjord Logistics', email: 'freya@fjord.example' },
    });
    const { id } = lead.json<LeadDto>();
    const res = await api.as(rep, { method: 'GET', url: `/api/v1/leads/${id}/account-matches` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: AccountMatch[] }>().items.map((m) => [m.accountId, m.reason])).toEqual([
      [byDomain, 'domain'],
      [fjord, 'name'],
    ]);
    const hidden = await api.as(other, { method: 'GET', url: `/api/v1/leads/${id}/account-matches` });
    expect(hidden.statusCode).toBe(404);
  });
});
