import type { Actor } from '../../contract/access.ts';
import { ManualClock } from '../../domain/deps.ts';
import type { CreatePipelineInput } from '../../contract/pipelines.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { actorForUser } from '../auth/auth.service.ts';
import { createContact } from '../contacts/contacts.service.ts';
import { withClock, type Deps } from '../context.ts';
import { scheduleDemoChannel, setUpDemoChannel, type DemoChannelCounts } from './demo-channel.ts';
import { createObjection } from '../objections/objections.service.ts';
import { createPipeline } from '../pipelines/pipelines.service.ts';
import { createProduct } from '../products/products.service.ts';
import { createScript } from '../scripts/scripts.service.ts';
import { createOrganization, createTeam, createUser, updateTeam } from '../users/users.service.ts';
import * as data from './demo-data.ts';
import { scheduleHistory, type PipelinePlan } from './demo-history.ts';
import { checkHandoffSla, dueHandoffChecks } from '../handoffs/handoff-jobs.ts';
import { runRefit } from '../scoring/model.service.ts';
import { Random } from './random.ts';
import { seedOversight } from './demo-oversight.ts';
import { seedDemoAgents } from './demo-agents.ts';
import { seedCommissionBonus, seedCommissionPlans, seedPartnerPlan } from './demo-commissions.ts';
import { demoQuarters, scheduleDemoForecasts, seedDemoQuotas } from './demo-forecasting.ts';
import { updateAvailability } from '../booking/availability.service.ts';
import { scheduleDemoBookings } from './demo-booking.ts';
import { scheduleCustomerLeads, setUpDemoRouting } from './demo-routing.ts';

const DAY = 86_400_000;

export interface DemoOptions {
  name?: string;
  seed?: number;
  months?: number;
  password?: string;
  /** Number of deals (default 300) and leads (default 140); smaller for tests. */
  deals?: number;
  leads?: number;
  /** Deal registrations by partners (default 30). */
  registrations?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoResult {
  organizationId: string;
  organizationName: string;
  password: string;
  users: { email: string; name: string; role: string }[];
  counts: Record<string, number>;
  /** What the channel did (registrations, decisions, conflicts, by partner type and tier). */
  channel: DemoChannelCounts;
}

const pipelineSpecs: { key: 'b2b' | 'b2c' | 'partner'; input: CreatePipelineInput; timing: [number, number][] }[] = [
  {
    key: 'b2b',
    input: {
      name: 'B2B field sales',
      description: 'Opportunity identification → pitch → objections → close, run by field reps.',
      enforceStageOrder: true,
      isDefault: true,
      stages: [
        { name: 'Qualify', kind: 'open', probability: 10, expectedDays: 7 },
        { name: 'Discovery', kind: 'open', probability: 20, expectedDays: 14 },
        { name: 'Demo', kind: 'open', probability: 40, expectedDays: 10 },
        {
          name: 'Proposal',
          kind: 'open',
          probability: 60,
          forecastCategory: 'best_case',
          expectedDays: 14,
          requiredFields: ['amount', 'expectedCloseDate'],
        },
        {
          name: 'Negotiation',
          kind: 'open',
          probability: 80,
          forecastCategory: 'commit',
          expectedDays: 10,
          requiredFields: ['primaryContactId'],
        },
        { name: 'Closed won', kind: 'won' },
        { name: 'Closed lost', kind: 'lost' },
      ],
    },
    timing: [
      [8, 0.12],
      [15, 0.1],
      [10, 0.08],
      [14, 0.08],
      [9, 0.1],
    ],
  },
  {
    key: 'b2c',
    input: {
      name: 'B2C inside sales',
      description: 'Consumers handled by phone by the inside-sales team.',
      enforceStageOrder: false,
      isDefault: false,
      stages: [
        { name: 'New', kind: 'open', probability: 10, expectedDays: 2 },
        { name: 'Contacted', kind: 'open', probability: 30, expectedDays: 4 },
        {
          name: 'Quote sent',
          kind: 'open',
          probability: 60,
          forecastCategory: 'commit',
          expectedDays: 5,
          requiredFields: ['amount'],
        },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    },
    timing: [
      [1.5, 0.15],
      [3, 0.12],
      [4, 0.1],
    ],
  },
  {
    key: 'partner',
    input: {
      name: 'Partner deals',
      description: 'Deals registered and worked by channel partners.',
      enforceStageOrder: true,
      isDefault: false,
      stages: [
        { name: 'Registered', kind: 'open', probability: 10, expectedDays: 5, requiredFields: ['partnerAccountId'] },
        { name: 'Approved', kind: 'open', probability: 30, expectedDays: 10 },
        {
          name: 'Closing',
          kind: 'open',
          probability: 70,
          forecastCategory: 'commit',
          expectedDays: 20,
          requiredFields: ['amount'],
        },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    },
    timing: [
      [4, 0.1],
      [12, 0.12],
      [15, 0.1],
    ],
  },
];

/**
 * Loads a realistic small organization through the same services the API uses, replaying a year
 * of work in time order on a controlled clock, so every record has a real event history (stage
 * moves with durations, calls with dispositions, objections, meetings) and the audit chain holds.
 */
export async function seedDemo(base: Deps, opts: DemoOptions = {}): Promise<DemoResult> {
  const rng = new Random(opts.seed ?? 2026);
  const end = base.clock.now().getTime();
  const start = end - (opts.months ?? 12) * 30 * DAY;
  const clock = new ManualClock(new Date(start));
  const deps: Deps = { ...withClock(base, clock), ids: { id: () => rng.uuid() } };
  const password = opts.password ?? 'demo-password';
  const name = opts.name ?? 'Northwind Demo';
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const email = (local: string) => `${local}@${slug}.example`;

  // --- organization, teams, people --------------------------------------------------------
  const { organization, admin: adminUser } = await createOrganization(deps, {
    organization: { name, baseCurrency: 'USD', timezone: 'America/Chicago', fiscalYearStartMonth: 1 },
    admin: { email: email('admin'), name: 'Avery Admin', password },
  });
  const orgId = organization.id;
  const admin = await actorForUser(deps, orgId, adminUser.id);
  const users: DemoResult['users'] = [{ email: adminUser.email, name: adminUser.name, role: 'admin' }];
  const team = async (
    teamName: string,
    kind: 'inside_sales' | 'field_sales' | 'marketing' | 'channel' | 'management',
  ) => (await createTeam(deps, admin, { name: teamName, kind })).id;
  const mgmt = await team('Management', 'management');
  const inside = await team('Inside sales', 'inside_sales');
  const field = await team('Field sales', 'field_sales');
  const channel = await team('Channel', 'channel');
  const marketingTeam = await team('Marketing', 'marketing');
  const person = async (
    local: string,
    fullName: string,
    role: Actor['role'],
    teamId: string | null,
    managerId: string | null = null,
    partnerAccountId: string | null = null,
    agentPartyId: string | null = null,
  ): Promise<Actor> => {
    const u = await createUser(deps, admin, {
      email: email(local),
      name: fullName,
      role,
      password,
      teamId,
      managerId,
      partnerAccountId,
      agentPartyId,
    });
    users.push({ email: u.email, name: u.name, role });
    return actorForUser(deps, orgId, u.id);
  };
  const salesDirector = await person('morgan', 'Morgan Director', 'manager', mgmt);
  const fieldManager = await person('fatima', 'Fatima Field-Lead', 'manager', field, salesDirector.userId);
  const insideManager = await person('ivan', 'Ivan Inside-Lead', 'manager', inside, salesDirector.userId);
  const fieldReps = [
    await person('rosa', 'Rosa Rivera', 'rep', field, fieldManager.userId),
    await person('sam', 'Sam Okafor', 'rep', field, fieldManager.userId),
    await person('tomas', 'Tomás Weber', 'rep', field, fieldManager.userId),
    await person('uma', 'Uma Tanaka', 'rep', field, fieldManager.userId),
  ];
  const sdrs = [
    await person('lena', 'Lena Schmidt', 'inside_sales', inside, insideManager.userId),
    await person('kofi', 'Kofi Mensah', 'inside_sales', inside, insideManager.userId),
    await person('priya', 'Priya Patel', 'inside_sales', inside, insideManager.userId),
  ];
  const channelRep = await person('chris', 'Chris Channel', 'rep', channel, salesDirector.userId);
  const marketer = await person('maya', 'Maya Marketing', 'marketing', marketingTeam);
  for (const [teamId, lead] of [
    [mgmt, salesDirector],
    [field, fieldManager],
    [inside, insideManager],
    [channel, channelRep],
    [marketingTeam, marketer],
  ] as const) {
    await updateTeam(deps, admin, teamId, '*', { managerId: lead.userId });
  }
  await person('otto', 'Otto Auditor', 'auditor', null);
  // territories and lead routing from the first day, so every account and lead is placed as it arrives
  await setUpDemoRouting(deps, admin, { fieldReps, sdrs });
  await seedCommissionPlans(deps, {
    admin,
    reps: [...fieldReps, channelRep],
    managers: [fieldManager, salesDirector],
    startsOn: new Date(start).toISOString().slice(0, 10),
  });

  // --- catalogue, objection library, pipelines, scripts ----------------------------------
  const products = [];
  for (const p of data.products)
    products.push(await createProduct(deps, admin, { ...p, currency: 'USD', active: true }));
  const objections = [];
  for (const o of data.objectionLibrary)
    objections.push(
      await createObjection(deps, admin, { ...o, recommendedResponses: [...o.recommendedResponses], active: true }),
    );
  const pipelines: Record<'b2b' | 'b2c' | 'partner', PipelinePlan> = {
    b2b: { id: '', name: '', stages: [], enforce: true },
    b2c: { id: '', name: '', stages: [], enforce: false },
    partner: { id: '', name: '', stages: [], enforce: true },
  };
  for (const spec of pipelineSpecs) {
    const p = await createPipeline(deps, admin, spec.input);
    pipelines[spec.key] = {
      id: p.id,
      name: p.name,
      enforce: p.enforceStageOrder,
      stages: p.stages.map((s, i) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        medianDays: spec.timing[i]?.[0] ?? 0,
        lossRate: spec.timing[i]?.[1] ?? 0,
      })),
    };
  }
  for (const s of pipelines.b2b.stages.filter((x) => x.kind === 'open')) {
    await createScript(deps, admin, {
      name: `${s.name} talk track`,
      stageId: s.id,
      body: scriptFor(s.name),
      active: true,
    });
  }

  // --- accounts and contacts --------------------------------------------------------------
  const partnerAccounts = [];
  for (const [i, type] of (['distributor', 'reseller', 'value_added_reseller', 'agency'] as const).entries()) {
    partnerAccounts.push(
      await createAccount(deps, channelRep, {
        name: `${data.companyStems[40 + i] ?? 'Partner'} ${['Distribution', 'Resellers', 'Solutions', 'Agency'][i] ?? ''}`.trim(),
        type,
        industry: 'Software',
        ownerId: channelRep.userId,
      }),
    );
  }
  const partnerUser = await person('pat', 'Pat Partner', 'partner', null, null, partnerAccounts[1]?.id ?? null);
  const channelPartners = await setUpDemoChannel(deps, admin, partnerAccounts);
  await seedPartnerPlan(deps, admin, {
    partnerAccountIds: channelPartners.map((p) => p.id),
    startsOn: new Date(start).toISOString().slice(0, 10),
  });
  const accounts: { id: string; name: string; ownerId: string; domain: string; contacts: string[] }[] = [];
  for (let i = 0; i < 46; i++) {
    const owner = fieldReps[i % fieldReps.length] ?? fieldReps[0];
    if (!owner) break;
    const [city, country] = rng.pick(data.cities);
    const stem = data.companyStems[i % data.companyStems.length] ?? 'Acme';
    const accName = `${stem} ${rng.pick(data.companySuffixes)}`;
    const domain = `${stem.toLowerCase()}-${i}.example`;
    const acc = await createAccount(deps, owner, {
      name: accName,
      domain,
      industry: rng.pick(data.industries),
      employees: Math.round(rng.logNormal(250, 1.2)),
      annualRevenue: `${Math.round(rng.logNormal(20_000_000, 1))}.00`,
      type: i < 2 ? 'competitor' : rng.chance(0.3) ? 'customer' : 'prospect',
      address: { city, country },
    });
    const contacts: string[] = [];
    for (let c = 0; c < 3 + (i % 2); c++) {
      const first = rng.pick(data.firstNames);
      const last = rng.pick(data.lastNames);
      const ct = await createContact(deps, owner, {
        accountId: acc.id,
        firstName: first,
        lastName: last,
        title: rng.pick(data.titles),
        emails: [
          `${first}.${last}.${c}`
            .toLowerCase()
            .normalize('NFD')
            .replace(/[^a-z0-9.]/g, '') + `@${stem.toLowerCase()}-${i}.example`,
        ],
        phones: [`+1 555 ${String(1000 + i * 10 + c).padStart(4, '0')}`],
      });
      contacts.push(ct.id);
    }
    if (acc.type !== 'competitor')
      accounts.push({ id: acc.id, name: accName, ownerId: owner.userId, domain, contacts });
  }
  const consumers: { id: string; ownerId: string }[] = [];
  for (let i = 0; i < 50; i++) {
    const owner = sdrs[i % sdrs.length] ?? sdrs[0];
    if (!owner) break;
    const first = rng.pick(data.firstNames);
    const last = rng.pick(data.lastNames);
    const ct = await createContact(deps, owner, {
      firstName: first,
      lastName: last,
      phones: [`+1 555 7${String(100 + i).padStart(3, '0')}`],
      emailOptOut: rng.chance(0.2),
    });
    consumers.push({ id: ct.id, ownerId: owner.userId });
  }

  // The field reps take meetings booked by inside sales: office hours in their own time zones.
  const zones = ['Europe/Berlin', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo'];
  for (const [i, r] of fieldReps.entries())
    await updateAvailability(deps, admin, r.userId, 0, {
      timezone: zones[i % zones.length] ?? 'Europe/Berlin',
      workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      minNoticeMinutes: 60,
      maxPerDay: 6,
      bookable: true,
      routingWeight: 1,
    });

  // --- a year of work, replayed in time order ---------------------------------------------
  const counts: Record<string, number> = {
    deals: 0,
    won: 0,
    lost: 0,
    leads: 0,
    converted: 0,
    calls: 0,
    meetings: 0,
    objections: 0,
    campaigns: 0,
    touches: 0,
    forms: 0,
    formSubmissions: 0,
    bookings: 0,
  };
  const actions = scheduleHistory({
    deps,
    rng,
    start,
    end,
    counts,
    admin,
    sdrs,
    fieldReps,
    channelRep,
    partnerUser,
    marketer,
    insideManager,
    fieldManager,
    pipelines,
    products,
    accounts,
    consumers,
    partnerAccounts,
    deals: opts.deals ?? 300,
    leads: opts.leads ?? 140,
    library: objections.map((o) => ({ id: o.id, category: o.category, responses: o.recommendedResponses })),
  });

  const channelCounts: DemoChannelCounts = {
    registrations: 0,
    approved: 0,
    rejected: 0,
    conflicted: new Set(),
    byType: {},
    byTier: {},
    throughDistributor: 0,
    twoTierDeals: 0,
  };
  actions.push(
    ...scheduleDemoChannel({
      deps,
      rng,
      start,
      end,
      manager: admin,
      partners: channelPartners,
      customers: accounts,
      registrations: opts.registrations ?? 30,
      counts: channelCounts,
    }),
  );
  const quarters = demoQuarters(end, organization.timezone);
  actions.push(
    ...scheduleDemoForecasts({ deps, quarter: quarters.previous, reps: fieldReps, manager: fieldManager, start, end }),
  );
  actions.push(
    ...scheduleDemoBookings({ deps, rng, orgId, start, end, sdrs, fieldReps, past: 40, upcoming: 4, counts }),
  );
  const away = fieldReps[3];
  if (away)
    actions.push(
      ...scheduleCustomerLeads({ deps, start, end, admin, marketer, away, sdrs, fieldReps, accounts, counts }),
    );
  actions.sort((a, b) => a.at - b.at);
  let done = 0;
  for (const a of actions) {
    // The SLA checks of hand-offs come due between actions: run at their due time, as the queue would.
    for (const check of await dueHandoffChecks(deps, orgId, new Date(a.at))) {
      clock.set(check.dueAt);
      await checkHandoffSla(deps, orgId, check.handoffId);
    }
    clock.set(new Date(a.at));
    await a.run();
    done++;
    if (done % 100 === 0 || done === actions.length) opts.onProgress?.(done, actions.length);
  }
  const rep = fieldReps[0];
  const product = products[0];
  if (rep && product) {
    const oversight = await seedOversight(deps, { admin, rep, productId: product.id, orgId });
    counts.pendingApprovals = oversight.pendingApprovals;
    counts.findings = oversight.findings;
    await seedCommissionBonus(deps, admin, rep);
  }
  counts.quotas = await seedDemoQuotas(deps, admin, {
    quarters: [quarters.previous, quarters.current],
    reps: [...fieldReps, channelRep],
    fieldTeamId: field,
  });
  const agents = await seedDemoAgents(deps, {
    admin,
    organizationName: name,
    b2bPipelineId: pipelines.b2b.id,
    startsOn: new Date(start).toISOString().slice(0, 10),
    accountNames: new Map(accounts.map((a) => [a.id, a.name])),
    agentUser: (partyId) => person('eli', 'Eli Vance', 'agent', null, null, null, partyId),
  });
  counts.agentDeals = agents.buyerSide + agents.sellerSide;
  counts.dualAgency = agents.dualAgency;
  // The distributor's user, who reads its resellers' registrations and two-tier deals (made last:
  // a user drawn earlier would change every id after it).
  const distributor = channelPartners.find((x) => x.type === 'distributor');
  if (distributor) await person('dana', 'Dana Distributor', 'partner', null, null, distributor.id);
  // the conversion model fitted on the year's closed leads, and every open lead scored with it
  await runRefit(deps, orgId);
  await deps.sealer.flush(orgId);
  // each approved registration opened a partner deal
  counts.deals = (counts.deals ?? 0) + channelCounts.approved;
  return { organizationId: orgId, organizationName: name, password, users, counts, channel: channelCounts };
}

function scriptFor(stage: string): string {
  const lines: Record<string, string> = {
    Qualify:
      'Confirm the problem, who feels it and what it costs today. Ask: what happens if nothing changes this year?',
    Discovery: 'Map the process end to end. Who signs? What does success look like in 90 days?',
    Demo: 'Show the three workflows they named in discovery, in their words. Stop after each: does this solve it?',
    Proposal: 'Walk the proposal live. Anchor on the cost of the problem, then the price. Agree the decision date.',
    Negotiation: 'Trade, never give: any discount buys a longer term or a reference. Confirm the paper process.',
  };
  return lines[stage] ?? 'Listen first; restate the buyer’s goal; agree the next step before hanging up.';
}
