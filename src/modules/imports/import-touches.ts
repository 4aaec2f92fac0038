import { canRecordTouches, inScope, touchScope, type Actor } from '../../contract/access.ts';
import { forbidden } from '../../contract/errors.ts';
import type { CampaignType, MemberStatus, TouchKind } from '../../contract/marketing.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Value } from '../../domain/import-rows.ts';
import { write, type Deps } from '../context.ts';
import { insertCampaignIn } from '../marketing/campaigns.service.ts';
import { advanceMember, recordTouchIn } from '../marketing/touches.service.ts';
import type { BatchOutcome, BatchRow, ImportRun, Reject } from './import-batch.ts';
import * as lookups from './import-touches.repository.ts';

/** What one accepted row of a touches file does. */
interface TouchPlan {
  line: number;
  cells: string[];
  person: { type: 'lead' | 'contact'; id: string };
  /** An existing campaign's id, or the key of a campaign the batch creates (`--create-missing`). */
  campaign: { id: string } | { create: string };
  /** The touch to record; null when the row only sets the membership status. */
  touch: { kind: TouchKind; touchedAt: Date; utm: Record<string, string | undefined> } | null;
  status: MemberStatus | null;
}

const text = (v: Value | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Whether a row is a response (a touch): a response status, the responded flag, or no status at
 * all (a row of a file of interactions). A row with only a non-response status (targeted, sent,
 * unsubscribed) moves the membership without a touch.
 */
function isResponse(values: ReadonlyMap<string, Value>): boolean {
  const status = values.get('status');
  return values.get('responded') === true || status === undefined || status === 'responded' || status === 'attended';
}

function planTouch(values: ReadonlyMap<string, Value>, now: Date): TouchPlan['touch'] {
  if (!isResponse(values)) return null;
  const status = values.get('status');
  const kind = (text(values.get('kind')) ?? (status === 'attended' ? 'attended' : 'responded')) as TouchKind;
  const at = values.get('touchedAt') ?? values.get('createdAt');
  return {
    kind,
    touchedAt: at instanceof Date ? at : now,
    utm: {
      utmSource: text(values.get('utmSource')),
      utmMedium: text(values.get('utmMedium')),
      utmCampaign: text(values.get('utmCampaign')),
      utmContent: text(values.get('utmContent')),
      utmTerm: text(values.get('utmTerm')),
    },
  };
}

/** The person an email names: a contact before a lead, and only one the actor may see. */
function personIndex(actor: Actor, people: readonly lookups.TouchPerson[]): Map<string, lookups.TouchPerson> {
  const byEmail = new Map<string, lookups.TouchPerson>();
  for (const p of people) {
    if (!inScope(touchScope(actor, p.type), { ownerId: p.ownerId })) continue;
    const first = byEmail.get(p.email);
    if (!first || (first.type === 'lead' && p.type === 'contact')) byEmail.set(p.email, p);
  }
  return byEmail;
}

interface CampaignIndex {
  byName: Map<string, lookups.CampaignKey[]>;
  byUtm: Map<string, lookups.CampaignKey>;
}

function campaignIndex(campaigns: readonly lookups.CampaignKey[]): CampaignIndex {
  const byName = new Map<string, lookups.CampaignKey[]>();
  const byUtm = new Map<string, lookups.CampaignKey>();
  for (const c of campaigns) {
    const key = c.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), c]);
    if (c.utmCampaign) byUtm.set(c.utmCampaign.toLowerCase(), c);
  }
  return { byName, byUtm };
}

/** The campaign a row names: by name, else by UTM campaign code; a reason when it cannot be told. */
function resolveCampaign(
  run: ImportRun,
  index: CampaignIndex,
  name: string | undefined,
  utm: string | undefined,
): TouchPlan['campaign'] | string {
  const named = name ? (index.byName.get(name.toLowerCase()) ?? []) : [];
  const coded = utm ? index.byUtm.get(utm.toLowerCase()) : undefined;
  if (named.length === 1 && named[0]) return { id: named[0].id };
  if (named.length > 1) {
    if (coded && named.some((c) => c.id === coded.id)) return { id: coded.id };
    return `campaign: ${named.length} campaigns are named "${name ?? ''}"; give its utmCampaign to tell them apart`;
  }
  if (coded) return { id: coded.id };
  if (run.createMissing) return { create: (name ?? utm ?? '').toLowerCase() };
  const what = name ? `named "${name}"` : `with the UTM campaign code "${utm ?? ''}"`;
  return `campaign: no campaign ${what} (--create-missing creates it)`;
}

interface CampaignToCreate {
  name: string;
  type: CampaignType;
  utmCampaign: string | null;
}

/**
 * Imports one batch of campaign touches and memberships. Each row names a person by email (a
 * contact with that address, else a lead with it; a row matching neither is rejected: touches are
 * about people Pipewright knows, so import the leads or contacts first) and a campaign by name or
 * UTM campaign code (created with `--create-missing`). A response records the touch through the
 * marketing service (`touch.recorded` on the person, membership moved on, the lead rescored); a
 * row with a non-response status only moves the membership. The same touch imported again is
 * skipped as a duplicate. The batch is one transaction.
 */
export async function importTouchBatch(
  deps: Deps,
  actor: Actor,
  run: ImportRun,
  rows: readonly BatchRow[],
  onCommit?: (trx: DbExecutor, outcome: BatchOutcome) => Promise<void>,
): Promise<BatchOutcome> {
  if (!canRecordTouches(actor)) throw forbidden('Only marketing and admins import touches');
  const out: BatchOutcome = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    created: 0,
    generated: 0,
    pathUnknown: 0,
    noCreationDate: 0,
    rejects: [],
    actions: [],
  };
  const emails = rows.flatMap((r) => text(r.values.get('email')) ?? []);
  const names = rows.flatMap((r) => text(r.values.get('campaign')) ?? []);
  const codes = rows.flatMap((r) => text(r.values.get('utmCampaign')) ?? []);
  const people = personIndex(actor, await lookups.peopleByEmail(deps.db, actor.orgId, emails));
  const campaigns = campaignIndex(await lookups.campaignsByKey(deps.db, actor.orgId, names, codes));
  const toCreate = new Map<string, CampaignToCreate>();
  const now = deps.clock.now();
  const plans: TouchPlan[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const reject = (reason: string) => out.rejects.push({ line: row.line, cells: row.cells, reason });
    const email = text(row.values.get('email')) ?? '';
    const person = people.get(email.toLowerCase());
    if (!person) {
      reject(`email: no lead or contact has the email ${email}; import the people first`);
      continue;
    }
    const name = text(row.values.get('campaign'));
    const utm = text(row.values.get('utmCampaign'));
    const campaign = resolveCampaign(run, campaigns, name, utm);
    if (typeof campaign === 'string') {
      reject(campaign);
      continue;
    }
    if ('create' in campaign && !toCreate.has(campaign.create))
      toCreate.set(campaign.create, {
        name: name ?? utm ?? '',
        type: (text(row.values.get('campaignType')) ?? 'advertising') as CampaignType,
        utmCampaign: utm ?? null,
      });
    const touch = planTouch(row.values, now);
    const plan: TouchPlan = {
      line: row.line,
      cells: row.cells,
      person: { type: person.type, id: person.id },
      campaign,
      touch,
      status: (text(row.values.get('status')) as MemberStatus | undefined) ?? null,
    };
    if (touch) {
      const key = [JSON.stringify(campaign), person.id, touch.kind, touch.touchedAt.toISOString()].join('|');
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        out.duplicates++;
        reject(`duplicate: repeats the touch of line ${earlier}`);
        continue;
      }
      seen.set(key, row.line);
    }
    plans.push(plan);
  }
  out.actions = plans.map((p) => ({ line: p.line, action: p.touch ? 'insert' : 'update' }));
  if (run.dryRun) {
    for (const p of plans)
      if (p.touch) out.inserted++;
      else out.updated++;
    out.created = toCreate.size;
    return out;
  }
  await write(deps, actor.orgId, async (trx) => {
    const created = new Map<string, string>();
    for (const [key, c] of toCreate) {
      const row = await insertCampaignIn(deps, trx, actor, { name: c.name, type: c.type, utmCampaign: c.utmCampaign });
      created.set(key, row.id);
    }
    out.created = created.size;
    for (const p of plans) await writePlan(deps, trx, actor, p, created, out);
    await onCommit?.(trx, out);
  });
  return out;
}

async function writePlan(
  deps: Deps,
  trx: DbExecutor,
  actor: Actor,
  p: TouchPlan,
  created: ReadonlyMap<string, string>,
  out: BatchOutcome,
): Promise<void> {
  const campaignId = 'id' in p.campaign ? p.campaign.id : (created.get(p.campaign.create) ?? '');
  const skip = (reason: string): Reject => ({ line: p.line, cells: p.cells, reason });
  if (p.touch) {
    const t = p.touch;
    if (
      await lookups.touchExists(trx, actor.orgId, {
        campaignId,
        person: p.person,
        kind: t.kind,
        touchedAt: t.touchedAt,
      })
    ) {
      out.duplicates++;
      out.rejects.push(skip('duplicate: the touch is recorded already; skipped'));
      out.actions = out.actions.filter((a) => a.line !== p.line);
      return;
    }
    await recordTouchIn(deps, trx, actor, campaignId, p.person, t.kind, t.touchedAt, t.utm);
    if (p.status) await advanceMember(deps, trx, actor, campaignId, p.person, p.status, null);
    out.inserted++;
    return;
  }
  const changed = p.status ? await advanceMember(deps, trx, actor, campaignId, p.person, p.status, null) : false;
  if (changed) out.updated++;
  else out.unchanged++;
}
