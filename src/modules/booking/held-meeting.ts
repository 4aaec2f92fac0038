import type { Actor } from '../../contract/access.ts';
import type { HeldMeetingEffect } from '../../contract/booking.ts';
import type { CreateDealInput } from '../../contract/deals.ts';
import { AppError } from '../../contract/errors.ts';
import { defaultDealName } from '../../contract/lead-conversion.ts';
import type { DbExecutor } from '../../db/database.ts';
import { accountRow } from '../accounts/accounts.service.ts';
import { recordDealConflicts } from '../channel/deal-conflicts.ts';
import { contactRow } from '../contacts/contacts.service.ts';
import type { Deps } from '../context.ts';
import { dealRow, insertDealTx } from '../deals/deals.service.ts';
import { leadRow } from '../leads/leads.service.ts';
import { changeDealStageTx } from '../oversight/approvals.service.ts';
import { defaultPipelineRow, pipelineRowWithStages } from '../pipelines/pipelines.service.ts';
import type { EventCause } from '../shared.ts';
import * as repo from './booking.repository.ts';

const effect = (
  result: HeldMeetingEffect['result'],
  message: string,
  ids: { dealId?: string | null; stageId?: string | null; approvalId?: string | null } = {},
): HeldMeetingEffect => ({
  result,
  dealId: ids.dealId ?? null,
  stageId: ids.stageId ?? null,
  approvalId: ids.approvalId ?? null,
  message,
});

/**
 * A refusal of the rules a manual change meets (stage requirements, stage order, permissions, a
 * change already waiting for approval): reported, not thrown, so the outcome is still recorded.
 * These are all raised before the change writes anything.
 */
function refusal(err: unknown): string | null {
  if (!(err instanceof AppError) || err.code === 'internal_error') return null;
  // The field rep works the deal only when it is theirs (or their team's, for a manager).
  if (err.code === 'not_found' || err.code === 'forbidden') return 'the field rep may not change this deal';
  const fields = err.fields?.length ? `: ${err.fields.map((f) => `${f.field} ${f.message}`).join('; ')}` : '';
  return `${err.message}${fields}`;
}

/**
 * What a held meeting does to the deal, by the pipeline's setting, inside the transaction that
 * records the outcome and as the field rep (`rep`), who owns a deal it creates:
 * - a meeting on a deal advances it to the setting's stage of its pipeline when the deal stands
 *   earlier (`advance_deal`, `create_or_advance`), through the approval rules and stage rules a
 *   manual move meets;
 * - a meeting on a lead or contact without a deal creates the deal in the default pipeline's
 *   stage (`create_deal`, `create_or_advance`); the meeting is then linked to it (`dealId` of the
 *   answer, which the caller writes on the booking).
 * Only the first held meeting of the deal (or lead, or contact) does anything.
 */
export async function applyHeldMeeting(
  trx: DbExecutor,
  deps: Deps,
  rep: Actor,
  booking: repo.BookingRow,
): Promise<HeldMeetingEffect> {
  const orgId = booking.org_id;
  const cause: EventCause = { kind: 'meeting_held', bookingId: booking.id };
  if (booking.deal_id) {
    const dealId = booking.deal_id;
    const deal = await dealRow(trx, orgId, dealId);
    if (!deal) return effect('unchanged', 'The deal of the meeting no longer exists', { dealId });
    const pipeline = await pipelineRowWithStages(trx, orgId, deal.pipeline_id);
    const action = pipeline?.held_meeting_action;
    const stage = pipeline?.stages.find((s) => s.id === pipeline.held_meeting_stage_id);
    if (!pipeline || !stage || (action !== 'advance_deal' && action !== 'create_or_advance'))
      return effect('unchanged', `Pipeline "${pipeline?.name ?? ''}" does not advance deals on a held meeting`, {
        dealId,
      });
    if (await repo.heldBefore(trx, orgId, { column: 'deal_id', id: dealId }, booking.id))
      return effect('unchanged', 'An earlier meeting of the deal was held: only the first one advances it', {
        dealId,
      });
    if (deal.status !== 'open') return effect('unchanged', `The deal is ${deal.status}`, { dealId });
    const current = pipeline.stages.find((s) => s.id === deal.stage_id);
    if (current && current.position >= stage.position)
      return effect('unchanged', `The deal already stands at or past "${stage.name}"`, { dealId });
    try {
      const moved = await changeDealStageTx(trx, deps, rep, dealId, deal.version, { stageId: stage.id }, { cause });
      if (moved.kind === 'held')
        return effect(
          'pending_approval',
          `The move to "${stage.name}" waits for approval: ${moved.held.approval.reasons.map((r) => r.message).join('; ')}`,
          { dealId, stageId: stage.id, approvalId: moved.held.approval.id },
        );
      return effect('advanced', `The deal moved to "${stage.name}"`, { dealId, stageId: stage.id });
    } catch (err) {
      const why = refusal(err);
      if (why === null) throw err;
      return effect('refused', `The deal was not advanced to "${stage.name}": ${why}`, { dealId, stageId: stage.id });
    }
  }

  const pipelineRow = await defaultPipelineRow(trx, orgId);
  const pipeline = pipelineRow ? await pipelineRowWithStages(trx, orgId, pipelineRow.id) : undefined;
  const action = pipeline?.held_meeting_action;
  const stage = pipeline?.stages.find((s) => s.id === pipeline.held_meeting_stage_id);
  if (!pipeline || !stage || (action !== 'create_deal' && action !== 'create_or_advance'))
    return effect('unchanged', 'The default pipeline does not create deals on a held meeting');
  const of = booking.lead_id
    ? ({ column: 'lead_id', id: booking.lead_id } as const)
    : booking.contact_id
      ? ({ column: 'contact_id', id: booking.contact_id } as const)
      : null;
  if (!of) return effect('unchanged', 'The meeting is about no lead or contact');
  if (await repo.heldBefore(trx, orgId, of, booking.id))
    return effect(
      'unchanged',
      `An earlier meeting with the ${of.column === 'lead_id' ? 'lead' : 'contact'} was held: only the first one creates the deal`,
    );
  const input = await dealInput(trx, orgId, booking, rep.userId);
  if (!input) return effect('unchanged', 'The lead or contact of the meeting no longer exists');
  try {
    const record = await insertDealTx(
      trx,
      deps,
      rep,
      { ...input, pipelineId: pipeline.id, stageId: stage.id },
      { cause },
    );
    await recordDealConflicts(trx, deps, rep, record);
    return effect('created', `Deal "${record.deal.name}" was created in "${stage.name}"`, {
      dealId: record.deal.id,
      stageId: stage.id,
    });
  } catch (err) {
    const why = refusal(err);
    if (why === null) throw err;
    return effect('refused', `No deal was created in "${stage.name}": ${why}`, { stageId: stage.id });
  }
}

/** The deal a held meeting creates: named after the lead's company (or the contact's account), owned by the field rep. */
async function dealInput(
  trx: DbExecutor,
  orgId: string,
  booking: repo.BookingRow,
  repId: string,
): Promise<Omit<CreateDealInput, 'pipelineId' | 'stageId'> | null> {
  if (booking.lead_id) {
    const dto = await leadRow(trx, orgId, booking.lead_id);
    if (!dto) return null;
    return { name: defaultDealName(dto, null), ownerId: repId, source: dto.source };
  }
  if (!booking.contact_id) return null;
  const contact = await contactRow(trx, orgId, booking.contact_id);
  if (!contact) return null;
  const account = contact.account_id ? await accountRow(trx, orgId, contact.account_id) : undefined;
  const person = [contact.first_name, contact.last_name].filter(Boolean).join(' ');
  return {
    name: `${account?.name ?? person} – new deal`.slice(0, 300),
    ownerId: repId,
    accountId: account?.id ?? null,
    primaryContactId: contact.id,
  };
}
