import type { Actor } from '../../contract/access.ts';
import type { CreateActivityInput } from '../../contract/activities.ts';
import type { CreateDealInput } from '../../contract/deals.ts';
import type { ProductDto } from '../../contract/products.ts';
import { getAccount, updateAccount } from '../accounts/accounts.service.ts';
import { createActivity } from '../activities/create-activity.ts';
import type { Deps } from '../context.ts';
import { createDeal, updateDeal } from '../deals/deals.service.ts';
import { moveDealStage } from '../deals/move-deal-stage.ts';
import { convertLead } from '../leads/convert-lead.ts';
import { changeLeadLifecycle, createLead, updateLead } from '../leads/leads.service.ts';
import { addCampaignCost, createCampaign } from '../marketing/campaigns.service.ts';
import { submitForm } from '../marketing/form-capture.service.ts';
import { createForm } from '../marketing/forms.service.ts';
import { recordTouch } from '../marketing/touches.service.ts';
import { openHandoffOfLead } from '../handoffs/handoffs.service.ts';
import { acceptHandoff, rejectHandoff } from '../handoffs/decide-handoff.ts';
import { updateScoringSettings } from '../scoring/scoring.service.ts';
import { defaultScoringSettings } from '../../contract/scoring.ts';
import * as data from './demo-data.ts';
import { Random } from './random.ts';

const DAY = 86_400_000;

export interface StagePlan {
  id: string;
  name: string;
  kind: 'open' | 'won' | 'lost';
  /** Median days in the stage and the chance a deal is lost from it. */
  medianDays: number;
  lossRate: number;
}

export interface PipelinePlan {
  id: string;
  name: string;
  stages: StagePlan[];
  enforce: boolean;
}

export type PipelineKey = 'b2b' | 'b2c' | 'partner';
export type Action = { at: number; run: () => Promise<void> };

export interface HistoryContext {
  deps: Deps;
  rng: Random;
  start: number;
  end: number;
  counts: Record<string, number>;
  admin: Actor;
  sdrs: Actor[];
  fieldReps: Actor[];
  channelRep: Actor;
  partnerUser: Actor;
  marketer: Actor;
  insideManager: Actor;
  fieldManager: Actor;
  pipelines: Record<PipelineKey, PipelinePlan>;
  products: ProductDto[];
  accounts: { id: string; name: string; ownerId: string; contacts: string[] }[];
  consumers: { id: string; ownerId: string }[];
  partnerAccounts: { id: string; name: string }[];
  deals: number;
  leads: number;
  /** The objection library, so logged objections point at their entry and its responses. */
  library: { id: string; category: string; responses: string[] }[];
}

/** A record whose id is known only once its creating action has run. */
type Ref = { id: string };

/**
 * Schedules a year of sales work as timed actions: inside sales working leads by phone (about one
 * call in eight connects) and converting qualified ones into deals handed to field reps, deals
 * walking their pipelines with calls, demos and objections, wins, losses, and partner
 * registrations. Actions run later in time order on the demo clock.
 */
export function scheduleHistory(ctx: HistoryContext): Action[] {
  const { deps, rng, end, counts } = ctx;
  const actions: Action[] = [];
  const bump = (k: string) => {
    counts[k] = (counts[k] ?? 0) + 1;
  };
  const at = (t: number, run: () => Promise<void>) => {
    if (t < end) actions.push({ at: t, run });
  };
  const iso = (t: number) => new Date(t).toISOString();
  // inputs are built when the action runs: the records they link to exist only by then
  const log = (actor: () => Actor, t: number, make: () => CreateActivityInput) =>
    at(t, async () => {
      const input = make();
      await createActivity(deps, actor(), input);
      if (input.type === 'call') bump('calls');
      if (input.type === 'call' && input.objections?.length) bump('objections');
      if (input.type === 'meeting') bump('meetings');
    });

  /** An objection as a buyer raises it: words that fit the category, the library's response. */
  const objection = () => {
    const category = rng.weighted([
      ['price', 30],
      ['timing', 20],
      ['authority', 15],
      ['budget', 15],
      ['competitor', 10],
      ['need', 5],
      ['trust', 5],
    ] as const);
    const entry = ctx.library.find((o) => o.category === category);
    const handled = rng.chance(0.6);
    return {
      category,
      objectionId: entry?.id ?? null,
      buyerWords: rng.pick(data.buyerWords[category] ?? ['Not sure about this']),
      responseUsed: entry?.responses[0] ?? null,
      outcome: handled ? ('resolved' as const) : ('unresolved' as const),
    };
  };

  /** Stage by stage: activities while in a stage, then lost, or on to the next stage or won. */
  const walk = (plan: PipelinePlan, deal: Ref, actor: () => Actor, from: number, demoMeetings: boolean) => {
    const open = plan.stages.filter((s) => s.kind === 'open');
    const won = plan.stages.find((s) => s.kind === 'won');
    const lost = plan.stages.find((s) => s.kind === 'lost');
    let t = from;
    for (let s = 0; s < open.length; s++) {
      const stage = open[s];
      if (!stage) break;
      const dwell = rng.logNormal(stage.medianDays, 0.6) * DAY;
      const mid = t + dwell * rng.next();
      if (demoMeetings && stage.name === 'Demo') {
        const outcome = rng.chance(0.85) ? ('held' as const) : ('no_show' as const);
        log(actor, mid, () => ({
          type: 'meeting',
          subject: 'Product demo',
          dealId: deal.id,
          start: iso(mid),
          end: iso(mid + 3_600_000),
          location: 'Customer site',
          outcome,
        }));
      } else {
        const raised = rng.chance(0.3) ? [objection()] : undefined;
        const duration = rng.int(300, 2400);
        log(actor, mid, () => ({
          type: 'call',
          direction: 'outbound',
          disposition: 'connected',
          dealId: deal.id,
          durationSeconds: duration,
          occurredAt: iso(mid),
          ...(raised ? { objections: raised } : {}),
        }));
      }
      t += dwell;
      if (rng.chance(stage.lossRate)) {
        const reason = rng.pick(data.lostReasons);
        if (lost)
          at(t, async () => {
            await moveDealStage(deps, actor(), deal.id, '*', { stageId: lost.id, lostReason: reason });
            bump('lost');
          });
        return;
      }
      const next = open[s + 1];
      // pipelines that allow it sometimes see a stage skipped
      const target = !plan.enforce && next && open[s + 2] && rng.chance(0.15) ? open[s + 2] : next;
      if (target) {
        at(t, async () => {
          await moveDealStage(deps, actor(), deal.id, '*', { stageId: target.id });
        });
        if (target !== next) s++;
      } else if (won) {
        at(t, async () => {
          const d = await moveDealStage(deps, actor(), deal.id, '*', { stageId: won.id });
          bump('won');
          // a won prospect becomes a customer
          if (d.accountId && (await getAccount(deps, ctx.admin, d.accountId)).type === 'prospect') {
            await updateAccount(deps, ctx.admin, d.accountId, '*', { type: 'customer' });
          }
        });
      }
    }
  };

  const marketing = scheduleMarketing(ctx, { at, bump, iso, walk });
  scheduleLeads(ctx, { at, bump, iso, walk }, marketing);
  scheduleDeals(ctx, { at, bump, iso, walk });

  // partner registrations: the partner registers, the channel rep takes ownership
  for (let i = 0; i < 6; i++) {
    const t = end - rng.int(3, 40) * DAY;
    const amount = `${rng.int(10, 60)}000.00`;
    const stem = rng.pick(data.companyStems);
    at(t, async () => {
      const d = await createDeal(deps, ctx.partnerUser, {
        name: `Registration – ${stem} ${i}`,
        pipelineId: ctx.pipelines.partner.id,
        amount,
        source: 'partner',
      });
      await updateDeal(deps, ctx.admin, d.id, '*', { ownerId: ctx.channelRep.userId });
      bump('deals');
    });
  }
  return actions;
}

interface Tools {
  at: (t: number, run: () => Promise<void>) => void;
  bump: (k: string) => void;
  iso: (t: number) => string;
  walk: (plan: PipelinePlan, deal: Ref, actor: () => Actor, from: number, demoMeetings: boolean) => void;
}

/** The demo's campaigns: what they cost a month and how many of the leads come through each. */
const campaignPlans = [
  { name: 'Search ads', type: 'advertising', channel: 'paid search', utm: 'search-ads', monthly: 4000, weight: 35 },
  { name: 'Monthly newsletter', type: 'email', channel: 'email', utm: 'newsletter', monthly: 500, weight: 30 },
  { name: 'Industry webinars', type: 'event', channel: 'webinar', utm: 'webinars', monthly: 2500, weight: 20 },
  { name: 'Buyer guide', type: 'content', channel: 'content', utm: 'buyer-guide', monthly: 1200, weight: 15 },
] as const;

interface Marketing {
  /** Its own ids and draws, so adding marketing leaves the rest of the demo as it was. */
  deps: Deps;
  rng: Random;
  campaigns: Ref[];
}

/** Marketing's campaigns, created at the start, with a cost entry at the start of every month. */
function scheduleMarketing(ctx: HistoryContext, { at, bump }: Tools): Marketing {
  const rng = new Random(0x6d6b74);
  const deps: Deps = { ...ctx.deps, ids: { id: () => rng.uuid() } };
  const campaigns = campaignPlans.map(() => ({ id: '' }));
  at(ctx.start, async () => {
    for (const [i, p] of campaignPlans.entries()) {
      const c = await createCampaign(deps, ctx.marketer, {
        name: p.name,
        type: p.type,
        channel: p.channel,
        status: 'active',
        startDate: new Date(ctx.start).toISOString().slice(0, 10),
        budget: `${p.monthly * 12}.00`,
        utmSource: p.channel.replace(' ', '-'),
        utmCampaign: p.utm,
      });
      const ref = campaigns[i];
      if (ref) ref.id = c.id;
      bump('campaigns');
    }
    // Scoring from the first day: buyers with a say (C-level, VPs, directors, heads of) who came
    // through an event, webinar or referral are grade A or B; a form and another touch make them MQL.
    await updateScoringSettings(
      deps,
      ctx.marketer,
      '*',
      {
        ...defaultScoringSettings,
        fitRules: [
          { field: 'title', op: 'in', values: ['CEO', 'CFO', 'COO'], points: 50 },
          { field: 'title', op: 'contains', values: ['vp', 'director', 'head of'], points: 40 },
          { field: 'source', op: 'in', values: ['event', 'webinar', 'referral'], points: 30 },
          { field: 'source', op: 'in', values: ['outbound'], points: -10 },
        ],
        mqlEngagement: 22,
        mqlMinGrade: 'B',
      },
      () => Promise.resolve(),
    );
  });
  for (let t = ctx.start; t < ctx.end; t += 30 * DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    at(t + 1000, async () => {
      for (const [i, p] of campaignPlans.entries())
        await addCampaignCost(deps, ctx.marketer, campaigns[i]?.id ?? '', {
          incurredOn: day,
          amount: `${p.monthly}.00`,
          description: 'Monthly spend',
        });
    });
  }
  scheduleDemoForm(ctx, { at, bump }, campaigns);
  return { deps, rng, campaigns };
}

/** People who sign up for the webinars through the form, in the last days of the demo year (the last one twice). */
const formSignUps = [
  { firstName: 'Lena', lastName: 'Brandt', company: 'Nordlicht Logistik', utm: 'linkedin' },
  { firstName: 'Omar', lastName: 'Haddad', company: 'Cedar Analytics', utm: 'newsletter' },
  { firstName: 'Priya', lastName: 'Natarajan', company: 'Lotus Robotics', utm: 'linkedin' },
  { firstName: 'Tomás', lastName: 'Ferreira', company: 'Atlântico Foods', utm: 'google' },
  { firstName: 'Tomás', lastName: 'Ferreira', company: 'Atlântico Foods', utm: 'newsletter' },
] as const;

/**
 * Marketing's webinar sign-up form on the webinars campaign, its new leads going to the inside
 * sales team in turn, and a few submissions through the public endpoint.
 */
function scheduleDemoForm(ctx: HistoryContext, { at, bump }: Pick<Tools, 'at' | 'bump'>, campaigns: Ref[]): void {
  // its own ids, so adding the form leaves the rest of the demo as it was
  const rng = new Random(0x666f726d);
  const deps: Deps = { ...ctx.deps, ids: { id: () => rng.uuid() } };
  const form = { key: '' };
  const sdrTeam = ctx.sdrs[0]?.teamId ?? null;
  at(ctx.start + 2000, async () => {
    const created = await createForm(deps, ctx.marketer, {
      name: 'Webinar sign-up',
      campaignId: campaigns[2]?.id ?? '',
      fields: [
        { leadField: 'firstName', label: 'First name', required: false },
        { leadField: 'lastName', label: 'Last name', required: true },
        { leadField: 'email', label: 'Work email', required: true },
        { leadField: 'company', label: 'Company', required: false },
      ],
      consentText: 'I agree to receive the webinar invitation and related emails. I can unsubscribe at any time.',
      routing: sdrTeam ? { kind: 'round_robin', teamId: sdrTeam } : { kind: 'owner', ownerId: ctx.marketer.userId },
      submitLabel: 'Save my seat',
    });
    form.key = created.publicKey;
    bump('forms');
  });
  for (const [i, p] of formSignUps.entries())
    at(ctx.end - (formSignUps.length - i) * 0.7 * DAY, async () => {
      const email = `${p.firstName}.${p.lastName}@${p.company.split(' ')[0] ?? 'example'}.example`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z0-9.@-]/g, '');
      await submitForm(deps, form.key, {
        firstName: p.firstName,
        lastName: p.lastName,
        email,
        company: p.company,
        consent: 'on',
        pageUrl: `https://www.example.com/webinars?utm_source=${p.utm}&utm_medium=referral`,
      });
      bump('formSubmissions');
    });
}

/** Inside sales calls leads; qualified ones are converted and the deal handed to a field rep. */
function scheduleLeads(ctx: HistoryContext, { at, bump, iso, walk }: Tools, marketing: Marketing): void {
  const { deps, rng, start, end } = ctx;
  let rejectedOne = false;
  for (let i = 0; i < ctx.leads; i++) {
    const creator = ctx.sdrs[i % ctx.sdrs.length];
    if (!creator) break;
    // routing may give the lead to another inside rep: whoever owns it works it
    const worker = { sdr: creator };
    const created = start + rng.next() * (end - start - 2 * DAY);
    const lead: Ref = { id: '' };
    const first = rng.pick(data.firstNames);
    const last = rng.pick(data.lastNames);
    const stem = rng.pick(data.companyStems);
    const company = `${stem} ${rng.pick(data.companySuffixes)}`;
    const leadInput = {
      firstName: first,
      lastName: last,
      company,
      title: rng.pick(data.titles),
      source: rng.pick(data.leadSources),
      email: `${first}.${i}@${stem}-lead.example`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z0-9.@-]/g, ''),
    };
    at(created, async () => {
      const created = await createLead(deps, creator, leadInput);
      lead.id = created.id;
      worker.sdr = ctx.sdrs.find((s) => s.userId === created.ownerId) ?? creator;
      bump('leads');
    });
    // the lead came in through a campaign (a form), and some were touched again by another
    const weights = campaignPlans.map((p, k) => [k, p.weight] as const);
    const firstCampaign = marketing.rng.weighted(weights);
    at(created + 60_000, async () => {
      await recordTouch(marketing.deps, ctx.marketer, marketing.campaigns[firstCampaign]?.id ?? '', {
        leadId: lead.id,
        kind: 'submitted_form',
        touchedAt: iso(created + 60_000),
      });
      bump('touches');
    });
    if (marketing.rng.chance(0.5)) {
      const again = created + (0.1 + marketing.rng.next()) * DAY;
      const second = marketing.rng.weighted(weights);
      at(again, async () => {
        await recordTouch(marketing.deps, ctx.marketer, marketing.campaigns[second]?.id ?? '', {
          leadId: lead.id,
          kind: second === 2 ? 'attended' : 'clicked',
          touchedAt: iso(again),
        });
        bump('touches');
      });
    }
    let t = created + rng.next() * DAY;
    let outcome: 'open' | 'qualified' | 'disqualified' = 'open';
    for (let attempt = 0; attempt < 4 && outcome === 'open'; attempt++) {
      const disposition = rng.weighted([
        ['no_answer', 45],
        ['left_voicemail', 22],
        ['busy', 8],
        ['connected', 12],
        ['wrong_number', 3],
        ['not_interested', 5],
        ['call_back_later', 5],
      ] as const);
      if (disposition === 'connected') outcome = rng.chance(0.45) ? 'qualified' : 'open';
      if (disposition === 'not_interested' || disposition === 'wrong_number') outcome = 'disqualified';
      const booked = outcome === 'qualified';
      const when = t;
      const duration = disposition === 'connected' ? rng.int(120, 900) : rng.int(5, 60);
      at(when, async () => {
        await createActivity(deps, worker.sdr, {
          type: 'call',
          direction: 'outbound',
          disposition: booked ? 'meeting_booked' : disposition,
          leadId: lead.id,
          durationSeconds: duration,
          occurredAt: iso(when),
        });
        bump('calls');
        if (attempt === 0) await updateLead(deps, worker.sdr, lead.id, '*', { status: 'working' });
      });
      t += rng.logNormal(2, 0.5) * DAY;
    }
    if (outcome === 'disqualified') {
      const reason = rng.pick(['No budget', 'Not a fit', 'Wrong contact', 'Not a buyer']);
      // The first such lead was handed over by marketing first: sales rejects it with its reason.
      const handedOver = !rejectedOne;
      rejectedOne = true;
      at(t, async () => {
        if (handedOver) {
          await changeLeadLifecycle(deps, ctx.marketer, lead.id, '*', { stage: 'mql' });
          const handoff = await openHandoffOfLead(deps, worker.sdr, lead.id);
          if (handoff) await rejectHandoff(deps, worker.sdr, handoff.id, '*', { reason: `${reason}: not sales-ready` });
        }
        await updateLead(deps, worker.sdr, lead.id, '*', { status: 'disqualified', disqualifiedReason: reason });
      });
    }
    if (outcome !== 'qualified') continue;
    at(t, async () => {
      await updateLead(deps, worker.sdr, lead.id, '*', { status: 'qualified' });
      // marketing's MQL handed to sales and accepted as an SQL
      await changeLeadLifecycle(deps, ctx.marketer, lead.id, '*', { stage: 'mql' });
      const handoff = await openHandoffOfLead(deps, worker.sdr, lead.id);
      if (handoff) await acceptHandoff(deps, worker.sdr, handoff.id, '*');
      else await changeLeadLifecycle(deps, worker.sdr, lead.id, '*', { stage: 'sql' });
    });
    if (!rng.chance(0.7)) continue;
    // conversion, then the hand-off of the deal from inside sales to a field rep
    const rep = rng.pick(ctx.fieldReps);
    const deal: Ref = { id: '' };
    let owner: Actor = worker.sdr;
    const amount = `${Math.round(rng.logNormal(30_000, 0.6))}.00`;
    const close = new Date(t + rng.logNormal(70, 0.4) * DAY).toISOString().slice(0, 10);
    const convertAt = t + rng.logNormal(1, 0.5) * DAY;
    at(convertAt, async () => {
      const r = await convertLead(deps, worker.sdr, lead.id, '*', {
        account: { create: {} },
        deal: {
          create: { pipelineId: ctx.pipelines.b2b.id, amount, expectedCloseDate: close, contactRole: 'decision_maker' },
        },
      });
      deal.id = r.deal?.id ?? '';
      bump('converted');
      bump('deals');
      await updateDeal(deps, ctx.admin, deal.id, '*', { ownerId: rep.userId });
      owner = rep;
    });
    walk(ctx.pipelines.b2b, deal, () => owner, convertAt + DAY, true);
  }
}

/** Deals opened directly in the three pipelines, owned by field reps, inside sales or channel. */
function scheduleDeals(ctx: HistoryContext, { at, bump, walk }: Tools): void {
  const { deps, rng, start, end } = ctx;
  for (let i = 0; i < ctx.deals; i++) {
    const kind = rng.weighted([
      ['b2b', 55],
      ['b2c', 30],
      ['partner', 15],
    ] as const);
    const plan = ctx.pipelines[kind];
    // a growing business: more deals in recent months, so a realistic share is still open
    const created = start + Math.sqrt(rng.next()) * (end - start - 3 * DAY);
    const deal: Ref = { id: '' };
    const close = new Date(created + rng.logNormal(60, 0.4) * DAY).toISOString().slice(0, 10);
    let owner: Actor;
    let input: CreateDealInput;
    if (kind === 'b2b') {
      const acc = rng.pick(ctx.accounts);
      owner = ctx.fieldReps.find((r) => r.userId === acc.ownerId) ?? ctx.fieldManager;
      const withContact = rng.chance(0.85);
      input = {
        name: `${acc.name} – ${rng.pick(['platform roll-out', 'pilot', 'expansion', 'renewal', 'sensor upgrade'])}`,
        accountId: acc.id,
        primaryContactId: withContact ? (acc.contacts[0] ?? null) : null,
        contactRoles: withContact && acc.contacts[1] ? [{ contactId: acc.contacts[1], role: 'champion' }] : [],
        amount: `${Math.round(rng.logNormal(35_000, 0.7))}.00`,
        expectedCloseDate: close,
        source: rng.pick(data.leadSources),
        lineItems: [
          { productId: ctx.products[0]?.id ?? '', quantity: '1' },
          { productId: ctx.products[1]?.id ?? '', quantity: String(rng.int(3, 40)) },
        ],
      };
      const rep = owner;
      // some deals reach the negotiation gate only after the rep names the buyer
      if (!withContact)
        at(created + 2 * DAY, async () => {
          await updateDeal(deps, rep, deal.id, '*', { primaryContactId: acc.contacts[0] ?? null });
        });
    } else if (kind === 'b2c') {
      const consumer = rng.pick(ctx.consumers);
      owner = ctx.sdrs.find((s) => s.userId === consumer.ownerId) ?? ctx.insideManager;
      const qty = rng.int(1, 4);
      input = {
        name: `Home monitor – consumer ${i}`,
        primaryContactId: consumer.id,
        amount: `${qty * 199}.00`,
        expectedCloseDate: close,
        source: rng.pick(['web', 'webinar', 'referral']),
        lineItems: [{ productId: ctx.products[5]?.id ?? '', quantity: String(qty) }],
      };
    } else {
      const partnerAccount = rng.pick(ctx.partnerAccounts);
      owner = ctx.channelRep;
      input = {
        name: `${partnerAccount.name} – end customer ${i}`,
        channel: 'partner',
        partnerAccountId: partnerAccount.id,
        amount: `${Math.round(rng.logNormal(25_000, 0.6))}.00`,
        expectedCloseDate: close,
        source: 'partner',
      };
    }
    const actor = owner;
    at(created, async () => {
      deal.id = (await createDeal(deps, actor, { ...input, pipelineId: plan.id })).id;
      bump('deals');
    });
    walk(plan, deal, () => actor, created, kind === 'b2b');
  }
}
