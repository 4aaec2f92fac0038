import { camelSnapshot } from '../../contract/events/casing.ts';
import type { Updateable } from 'kysely';
import { canReadMarketingFigures, canReadReference, canWriteReference, type Actor } from '../../contract/access.ts';
import { AppError, forbidden, invalid, notFound, type FieldProblem } from '../../contract/errors.ts';
import type {
  AddCampaignCostInput,
  CampaignCostDto,
  CampaignDto,
  CreateCampaignInput,
  ListCampaignsQuery,
  UpdateCampaignInput,
} from '../../contract/marketing.ts';
import { encodeCursor } from '../../db/list.ts';
import type { CampaignsTable } from '../../db/schema.ts';
import type { DbExecutor } from '../../db/database.ts';
import { write, type Deps } from '../context.ts';
import { changeEvents, checkVersion, found, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './campaigns.repository.ts';

/** The campaign as the API shows it; its money only to roles that read marketing figures. */
export function toCampaignDto(r: repo.CampaignRow, figures: boolean): CampaignDto {
  return {
    id: r.id,
    name: r.name,
    type: r.type as CampaignDto['type'],
    channel: r.channel,
    status: r.status as CampaignDto['status'],
    startDate: r.start_date,
    endDate: r.end_date,
    ownerId: r.owner_id,
    parentId: r.parent_id,
    budget: figures ? r.budget : null,
    expectedRevenue: figures ? r.expected_revenue : null,
    currency: r.currency.trim(),
    actualCost: figures ? r.actual_cost : null,
    utmSource: r.utm_source,
    utmMedium: r.utm_medium,
    utmCampaign: r.utm_campaign,
    utmContent: r.utm_content,
    utmTerm: r.utm_term,
    description: r.description,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

function toCostDto(r: repo.CampaignCostRow): CampaignCostDto {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    incurredOn: r.incurred_on,
    amount: r.amount,
    description: r.description,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

const auditFields = [
  'name',
  'type',
  'channel',
  'status',
  'start_date',
  'end_date',
  'owner_id',
  'parent_id',
  'budget',
  'expected_revenue',
  'currency',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'utm_term',
  'description',
] as const;

function snapshot(r: repo.CampaignRow): Record<string, unknown> {
  return camelSnapshot(Object.fromEntries(auditFields.map((f) => [f, f === 'currency' ? r.currency.trim() : r[f]])));
}

export function assertCanReadCampaigns(actor: Actor): void {
  if (!canReadReference(actor, 'campaign')) throw forbidden('Your role cannot see campaigns');
}

function assertCanWrite(actor: Actor): void {
  if (!canWriteReference(actor, 'campaign')) throw forbidden('Only marketing and admins change campaigns');
}

function assertFigures(actor: Actor): void {
  if (!canReadMarketingFigures(actor)) throw forbidden('Your role cannot see campaign costs and revenue');
}

/** A campaign the actor may read (not found otherwise). */
export async function loadCampaign(deps: Deps, actor: Actor, id: string): Promise<repo.CampaignRow> {
  assertCanReadCampaigns(actor);
  return found(await repo.getCampaign(deps.db, actor.orgId, id), 'campaign', id);
}

/**
 * The problems of a campaign's owner, parent, dates and UTM code after a change: the owner is an
 * active marketing user (or admin), the parent is a live campaign that is not the campaign itself
 * or one of its descendants, the end is not before the start, and the UTM campaign code names one
 * live campaign only (touches are matched to campaigns by it).
 */
async function checkCampaign(
  db: DbExecutor,
  orgId: string,
  id: string | null,
  next: {
    ownerId: string | null;
    parentId: string | null;
    startDate: string | null;
    endDate: string | null;
    utmCampaign: string | null;
  },
  touched: { ownerId: boolean; parentId: boolean; utmCampaign: boolean },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (touched.ownerId && next.ownerId) {
    const role = await repo.activeUserRole(db, orgId, next.ownerId);
    if (role === undefined) problems.push({ field: 'ownerId', message: 'is not an active user of this organization' });
    else if (role !== 'marketing' && role !== 'admin')
      problems.push({ field: 'ownerId', message: 'must be a marketing user (or an admin)' });
  }
  if (touched.parentId && next.parentId) {
    const parent = await repo.getCampaign(db, orgId, next.parentId);
    if (!parent) problems.push({ field: 'parentId', message: 'is not a campaign of this organization' });
    else if (id !== null && (await repo.ancestorIds(db, orgId, next.parentId)).includes(id))
      problems.push({ field: 'parentId', message: 'would make a cycle: the campaign cannot sit under itself' });
  }
  if (next.startDate && next.endDate && next.endDate < next.startDate)
    problems.push({ field: 'endDate', message: 'must not be before startDate' });
  if (touched.utmCampaign && next.utmCampaign) {
    const other = await repo.campaignWithUtm(db, orgId, next.utmCampaign, id);
    if (other) problems.push({ field: 'utmCampaign', message: 'is already the UTM code of another campaign' });
  }
  return problems;
}

export async function createCampaign(deps: Deps, actor: Actor, input: CreateCampaignInput): Promise<CampaignDto> {
  assertCanWrite(actor);
  const row = await write(deps, actor.orgId, (trx) => insertCampaignIn(deps, trx, actor, input));
  return toCampaignDto(row, true);
}

/**
 * Creates a campaign in the caller's transaction (an import creating the campaigns its rows name):
 * the same checks and `campaign.created` event as the API. The caller checks the actor may write campaigns.
 */
export async function insertCampaignIn(
  deps: Deps,
  trx: DbExecutor,
  actor: Actor,
  input: CreateCampaignInput,
): Promise<repo.CampaignRow> {
  assertCanWrite(actor);
  const now = deps.clock.now();
  const id = deps.ids.id();
  const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
  const next = {
    ownerId,
    parentId: input.parentId ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    utmCampaign: input.utmCampaign ?? null,
  };
  const problems = await checkCampaign(trx, actor.orgId, null, next, {
    ownerId: true,
    parentId: true,
    utmCampaign: true,
  });
  if (problems.length > 0) throw invalid(problems);
  await repo.insertCampaign(trx, {
    org_id: actor.orgId,
    id,
    name: input.name,
    type: input.type,
    channel: input.channel ?? null,
    status: input.status ?? 'planned',
    start_date: next.startDate,
    end_date: next.endDate,
    owner_id: ownerId,
    parent_id: next.parentId,
    budget: input.budget ?? null,
    expected_revenue: input.expectedRevenue ?? null,
    currency: input.currency ?? (await repo.baseCurrency(trx, actor.orgId)),
    utm_source: input.utmSource ?? null,
    utm_medium: input.utmMedium ?? null,
    utm_campaign: next.utmCampaign,
    utm_content: input.utmContent ?? null,
    utm_term: input.utmTerm ?? null,
    description: input.description ?? null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  const inserted = found(await repo.getCampaign(trx, actor.orgId, id), 'campaign', id);
  await deps.eventLog.append(trx, actor, [
    { entityType: 'campaign', entityId: id, type: 'campaign.created', data: { after: snapshot(inserted) } },
  ]);
  return inserted;
}

export async function getCampaign(deps: Deps, actor: Actor, id: string): Promise<CampaignDto> {
  return toCampaignDto(await loadCampaign(deps, actor, id), canReadMarketingFigures(actor));
}

export async function listCampaigns(
  deps: Deps,
  actor: Actor,
  q: ListCampaignsQuery,
): Promise<{ items: CampaignDto[]; nextCursor: string | null }> {
  assertCanReadCampaigns(actor);
  const figures = canReadMarketingFigures(actor);
  const rows = await repo.listCampaigns(deps.db, actor.orgId, q);
  return toPage(
    rows,
    q.limit,
    (r) => toCampaignDto(r, figures),
    (r) => encodeCursor(r[q.sort], r.id),
  );
}

export async function updateCampaign(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateCampaignInput,
): Promise<CampaignDto> {
  assertCanWrite(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockCampaign(trx, actor.orgId, id), 'campaign', id);
    const version = checkVersion('campaign', id, before.version, expected);
    const pick = <T>(sent: T | undefined, current: T): T => (sent === undefined ? current : sent);
    const next = {
      ownerId: pick(input.ownerId, before.owner_id),
      parentId: pick(input.parentId, before.parent_id),
      startDate: pick(input.startDate, before.start_date),
      endDate: pick(input.endDate, before.end_date),
      utmCampaign: pick(input.utmCampaign, before.utm_campaign),
    };
    const problems = await checkCampaign(trx, actor.orgId, id, next, {
      ownerId: input.ownerId !== undefined,
      parentId: input.parentId !== undefined,
      utmCampaign: input.utmCampaign !== undefined,
    });
    if (problems.length > 0) throw invalid(problems);
    const patch: Updateable<CampaignsTable> = { updated_at: deps.clock.now() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.type !== undefined) patch.type = input.type;
    if (input.channel !== undefined) patch.channel = input.channel;
    if (input.status !== undefined) patch.status = input.status;
    if (input.startDate !== undefined) patch.start_date = input.startDate;
    if (input.endDate !== undefined) patch.end_date = input.endDate;
    if (input.ownerId !== undefined) patch.owner_id = input.ownerId;
    if (input.parentId !== undefined) patch.parent_id = input.parentId;
    if (input.budget !== undefined) patch.budget = input.budget;
    if (input.expectedRevenue !== undefined) patch.expected_revenue = input.expectedRevenue;
    if (input.utmSource !== undefined) patch.utm_source = input.utmSource;
    if (input.utmMedium !== undefined) patch.utm_medium = input.utmMedium;
    if (input.utmCampaign !== undefined) patch.utm_campaign = input.utmCampaign;
    if (input.utmContent !== undefined) patch.utm_content = input.utmContent;
    if (input.utmTerm !== undefined) patch.utm_term = input.utmTerm;
    if (input.description !== undefined) patch.description = input.description;
    await repo.updateCampaign(trx, actor.orgId, id, version, patch);
    const after = found(await repo.getCampaign(trx, actor.orgId, id), 'campaign', id);
    await deps.eventLog.append(trx, actor, changeEvents('campaign', id, snapshot(before), snapshot(after)));
    return after;
  });
  return toCampaignDto(row, true);
}

/** Soft-deletes a campaign; one with live child campaigns is refused (move or delete them first). */
export async function deleteCampaign(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  assertCanWrite(actor);
  await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockCampaign(trx, actor.orgId, id), 'campaign', id);
    const version = checkVersion('campaign', id, before.version, expected);
    if (await repo.hasChildren(trx, actor.orgId, id))
      throw new AppError('conflict', 'The campaign has child campaigns; move or delete them first', {
        details: { campaignId: id },
      });
    const now = deps.clock.now();
    await repo.updateCampaign(trx, actor.orgId, id, version, { deleted_at: now, updated_at: now });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'campaign', entityId: id, type: 'campaign.deleted', data: { before: snapshot(before) } },
    ]);
  });
}

// ---- Costs ----

export async function listCampaignCosts(deps: Deps, actor: Actor, id: string): Promise<{ items: CampaignCostDto[] }> {
  await loadCampaign(deps, actor, id);
  assertFigures(actor);
  return { items: (await repo.listCosts(deps.db, actor.orgId, id)).map(toCostDto) };
}

export async function addCampaignCost(
  deps: Deps,
  actor: Actor,
  id: string,
  input: AddCampaignCostInput,
): Promise<CampaignCostDto> {
  assertCanWrite(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const campaign = found(await repo.lockCampaign(trx, actor.orgId, id), 'campaign', id);
    const costId = deps.ids.id();
    const cost = await repo.insertCost(trx, {
      org_id: actor.orgId,
      id: costId,
      campaign_id: id,
      incurred_on: input.incurredOn,
      amount: input.amount,
      description: input.description ?? null,
      created_by: actor.userId,
      created_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'campaign',
        entityId: id,
        type: 'campaign.cost_added',
        data: {
          costId,
          incurredOn: cost.incurred_on,
          amount: cost.amount,
          currency: campaign.currency.trim(),
          description: cost.description,
        },
      },
    ]);
    return cost;
  });
  return toCostDto(row);
}

export async function removeCampaignCost(deps: Deps, actor: Actor, id: string, costId: string): Promise<void> {
  assertCanWrite(actor);
  await write(deps, actor.orgId, async (trx) => {
    const campaign = found(await repo.lockCampaign(trx, actor.orgId, id), 'campaign', id);
    const cost = await repo.deleteCost(trx, actor.orgId, id, costId);
    if (!cost) throw notFound('cost', costId);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'campaign',
        entityId: id,
        type: 'campaign.cost_removed',
        data: { costId, incurredOn: cost.incurred_on, amount: cost.amount, currency: campaign.currency.trim() },
      },
    ]);
  });
}
