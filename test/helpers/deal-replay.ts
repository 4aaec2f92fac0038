import { sql, type Selectable } from 'kysely';
import type { DealsTable } from '../../src/db/schema.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { actorForUser } from '../../src/modules/auth/auth.service.ts';
import { withClock } from '../../src/modules/context.ts';
import { createDeal, updateDeal } from '../../src/modules/deals/deals.service.ts';
import { moveDealStage } from '../../src/modules/deals/move-deal-stage.ts';
import type { TestDeps } from './db.ts';

export type DealEventRow = {
  id: number;
  type: string;
  actor_id: string | null;
  occurred_at: Date;
  business_time: Date | null;
  data: Record<string, unknown>;
};

/** A deal's own events (`deal.*`), in log order. */
export async function dealEvents(deps: TestDeps, orgId: string, dealId: string): Promise<DealEventRow[]> {
  return (
    await sql<DealEventRow>`select id, type, actor_id, occurred_at, business_time, data from events
      where org_id = ${orgId} and entity_type = 'deal' and entity_id = ${dealId} and type like 'deal.%' order by id`.execute(
      deps.db,
    )
  ).rows;
}

/** What two histories must share to be the same: the type, actor, times and payload of each event. */
export function eventShape(rows: readonly DealEventRow[]) {
  return rows.map((e) => ({
    type: e.type,
    actor: e.actor_id,
    at: e.occurred_at.toISOString(),
    businessTime: e.business_time,
    data: e.data,
  }));
}

/** The events a replay makes: a deal's creation, stage moves, close-date changes and reassignments. */
export const replayedDealEventTypes: ReadonlySet<string> = new Set([
  'deal.created',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  'deal.updated',
  'deal.assigned',
]);

/**
 * Replays a deal's history through the services: its creation (with its contacts' roles and line
 * items), then each stage move, close-date change and reassignment, by the same users at the same
 * times. Answers the original's events and row, and the replica's.
 */
export async function replayDeal(
  deps: TestDeps,
  orgId: string,
  dealId: string,
): Promise<{
  original: DealEventRow[];
  replayed: DealEventRow[];
  row: Selectable<DealsTable>;
  replicaRow: Selectable<DealsTable>;
}> {
  const original = await dealEvents(deps, orgId, dealId);
  const row = await deps.db
    .selectFrom('deals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', dealId)
    .executeTakeFirstOrThrow();
  const lines = await deps.db
    .selectFrom('deal_line_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deal_id', '=', dealId)
    .orderBy('position')
    .execute();
  const roles = await deps.db
    .selectFrom('deal_contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deal_id', '=', dealId)
    .execute();
  const created = original[0];
  if (!created || created.type !== 'deal.created' || !created.actor_id)
    throw new Error(`deal ${dealId} has no creation event`);
  const clock = new ManualClock(created.occurred_at);
  const replayDeps = withClock(deps, clock);
  const after = created.data.after as Record<string, unknown>;
  const actor = await actorForUser(deps, orgId, created.actor_id);
  const replica = await createDeal(replayDeps, actor, {
    name: row.name,
    pipelineId: row.pipeline_id,
    accountId: row.account_id,
    primaryContactId: after.primaryContactId as string | null,
    amount: after.amount as string,
    expectedCloseDate: after.expectedCloseDate as string,
    source: after.source as string | null,
    channel: row.channel as 'direct' | 'partner',
    partnerAccountId: row.partner_account_id,
    ownerId: after.ownerId as string,
    contactRoles: roles.map((r) => ({ contactId: r.contact_id, role: r.role as 'champion' })),
    lineItems: lines.map((l) => ({
      productId: l.product_id,
      quantity: l.quantity.replace(/\.?0+$/, ''),
      discountPercent: l.discount_percent,
    })),
  });
  for (const e of original.slice(1)) {
    clock.set(e.occurred_at);
    const by = e.actor_id ? await actorForUser(deps, orgId, e.actor_id) : actor;
    if (e.type === 'deal.stage_changed') {
      const lost = original.find((x) => x.type === 'deal.lost' && x.id > e.id);
      await moveDealStage(replayDeps, by, replica.id, '*', {
        stageId: (e.data.to as { stageId: string }).stageId,
        ...(lost && (e.data.status as { to: string } | undefined)?.to === 'lost'
          ? { lostReason: lost.data.lostReason as string }
          : {}),
      });
    }
    if (e.type === 'deal.assigned')
      await updateDeal(replayDeps, by, replica.id, '*', {
        ownerId: (e.data.changes as { ownerId: { to: string } }).ownerId.to,
      });
    if (e.type === 'deal.updated')
      await updateDeal(replayDeps, by, replica.id, '*', {
        expectedCloseDate: (e.data.changes as { expectedCloseDate: { to: string } }).expectedCloseDate.to,
      });
  }
  const replicaRow = await deps.db
    .selectFrom('deals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', replica.id)
    .executeTakeFirstOrThrow();
  return { original, replayed: await dealEvents(deps, orgId, replica.id), row, replicaRow };
}
