import { canActOnHandoff, handoffScope, inScope, type Actor } from '../../contract/access.ts';
import { AppError, forbidden, notFound } from '../../contract/errors.ts';
import type { HandoffDto, RejectHandoffInput } from '../../contract/handoffs.ts';
import type { DbExecutor } from '../../db/database.ts';
import { write, type Deps } from '../context.ts';
import type { EventInput } from '../events/events.service.ts';
import { checkVersion, type ExpectedVersion } from '../shared.ts';
import * as repo from './handoffs.repository.ts';
import { toHandoffDto, touch } from './handoffs.service.ts';

/*
 * Sales' decision on a hand-off: accept (the lead becomes SQL) or reject with a reason (the lead
 * goes back to marketing). Both are taken by the owner, their manager or an admin.
 */

/** Loads an open hand-off the actor may act on, at the expected version, with its lead locked. */
async function loadForDecision(
  trx: DbExecutor,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<repo.HandoffRow> {
  // The lead first, then the hand-off: the order every change of a lead takes (see syncHandoff).
  const leadId = await repo.leadOfHandoff(trx, actor.orgId, id);
  if (leadId) await repo.getHandoffLead(trx, actor.orgId, leadId, true);
  const h = await repo.lockHandoff(trx, actor.orgId, id);
  if (!h || !inScope(handoffScope(actor, 'read'), { ownerId: h.owner_id })) throw notFound('hand-off', id);
  if (!canActOnHandoff(actor, { ownerId: h.owner_id }))
    throw forbidden('Only the owner of a hand-off, their manager or an admin accepts or rejects it');
  checkVersion('hand-off', id, h.version, expected);
  if (h.status !== 'open')
    throw new AppError('conflict', `The hand-off is already ${h.status}`, { details: { status: h.status } });
  return h;
}

async function view(db: DbExecutor, orgId: string, id: string): Promise<HandoffDto> {
  const row = await repo.getHandoffView(db, orgId, id);
  if (!row) throw notFound('hand-off', id);
  return toHandoffDto(row);
}

/**
 * Sales accepts a handed-off lead (If-Match: the hand-off's version): the lead becomes SQL
 * (`lead.lifecycle_changed`), the acceptance is the first touch when nothing came before it
 * (`lead.handoff_touched`), and `lead.handoff_accepted` closes the hand-off.
 */
export async function acceptHandoff(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<HandoffDto> {
  return write(deps, actor.orgId, async (trx) => {
    let h = await loadForDecision(trx, actor, id, expected);
    const now = deps.clock.now();
    const moved = await repo.moveLeadStage(trx, actor.orgId, h.lead_id, { from: 'mql', to: 'sql', now });
    if (!moved)
      throw new AppError('conflict', 'The lead is no longer an MQL; reload the hand-off', {
        details: { leadId: h.lead_id },
      });
    if (!h.first_touch_at) h = await touch(deps, trx, actor, h, null);
    await repo.updateHandoff(
      trx,
      { orgId: actor.orgId, id, version: h.version },
      { status: 'accepted', decided_at: now, decided_by: actor.userId, updated_at: now },
    );
    const events: EventInput[] = [
      {
        entityType: 'lead',
        entityId: h.lead_id,
        type: 'lead.handoff_accepted',
        data: { handoffId: id, ownerId: h.owner_id },
      },
      { entityType: 'lead', entityId: h.lead_id, type: 'lead.lifecycle_changed', data: { from: 'mql', to: 'sql' } },
    ];
    await deps.eventLog.append(trx, actor, events);
    return view(trx, actor.orgId, id);
  });
}

/**
 * Sales rejects a handed-off lead with its reason (If-Match: the hand-off's version): the lead goes
 * back to marketing as a lead, recycled with that reason (`lead.lifecycle_changed`), and
 * `lead.handoff_rejected` carries the reason marketing reads.
 */
export async function rejectHandoff(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: RejectHandoffInput,
): Promise<HandoffDto> {
  return write(deps, actor.orgId, async (trx) => {
    const h = await loadForDecision(trx, actor, id, expected);
    const now = deps.clock.now();
    const recycleReason = `rejected by sales: ${input.reason}`;
    const moved = await repo.moveLeadStage(trx, actor.orgId, h.lead_id, {
      from: 'mql',
      to: 'lead',
      recycleReason,
      now,
    });
    if (!moved)
      throw new AppError('conflict', 'The lead is no longer an MQL; reload the hand-off', {
        details: { leadId: h.lead_id },
      });
    await repo.updateHandoff(
      trx,
      { orgId: actor.orgId, id, version: h.version },
      { status: 'rejected', decided_at: now, decided_by: actor.userId, reject_reason: input.reason, updated_at: now },
    );
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'lead',
        entityId: h.lead_id,
        type: 'lead.handoff_rejected',
        data: { handoffId: id, ownerId: h.owner_id, reason: input.reason },
      },
      {
        entityType: 'lead',
        entityId: h.lead_id,
        type: 'lead.lifecycle_changed',
        data: { from: 'mql', to: 'lead', recycleReason },
      },
    ]);
    return view(trx, actor.orgId, id);
  });
}
