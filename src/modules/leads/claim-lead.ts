import { canClaimLead, hasCallQueue, type Actor } from '../../contract/access.ts';
import { AppError, forbidden, notFound } from '../../contract/errors.ts';
import type { LeadDto } from '../../contract/leads.ts';
import { write, type Deps } from '../context.ts';
import { syncHandoff } from '../handoffs/handoffs.service.ts';
import { checkVersion, type ExpectedVersion } from '../shared.ts';
import { claimFacts } from './call-queue.repository.ts';
import * as repo from './leads.repository.ts';
import { toLeadDto } from './leads.service.ts';

/**
 * POST /leads/:id/claim: the caller takes an unassigned open lead from the call queue as its owner
 * (`canClaimLead`), recording `lead.assigned` with the cause `claim`. The lead's row is locked, so
 * of concurrent claims exactly one wins; the others find an owner and get 409 naming them. A lead
 * the caller may not claim (another territory's) is not found, as it is not theirs to see.
 */
export async function claimLead(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<LeadDto> {
  if (!hasCallQueue(actor)) throw forbidden('Only roles that call leads claim them');
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = await repo.lockLead(trx, actor.orgId, id);
    if (!before) throw notFound('lead', id);
    if (before.owner_id !== null)
      throw new AppError(
        'conflict',
        before.owner_id === actor.userId ? 'You already own this lead' : 'Someone else claimed this lead first',
        { details: { ownerId: before.owner_id } },
      );
    const facts = await claimFacts(trx, actor.orgId, id);
    const territoryMemberIds = facts?.territory_id ? (facts.territory_member_ids ?? []) : null;
    const lead = { ownerId: null, status: before.status, territoryMemberIds };
    if (!canClaimLead(actor, lead)) {
      // Another territory's lead is not the caller's to see; a closed one of theirs is named.
      if (!canClaimLead(actor, { ...lead, status: 'new' })) throw notFound('lead', id);
      throw new AppError('invalid_transition', `The lead is ${before.status}: only new or working leads are claimed`, {
        details: { status: before.status },
      });
    }
    const version = checkVersion('lead', id, before.version, expected);
    const after = await repo.updateLead(trx, actor.orgId, id, version, {
      owner_id: actor.userId,
      updated_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'lead',
        entityId: id,
        type: 'lead.assigned',
        data: { changes: { ownerId: { from: null, to: actor.userId } }, cause: { kind: 'claim' } },
      },
    ]);
    await syncHandoff(deps, trx, actor, id);
    return { ...after, last_touched_at: before.last_touched_at };
  });
  return toLeadDto(row);
}
