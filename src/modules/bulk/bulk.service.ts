import type { Actor } from '../../contract/access.ts';
import type {
  BulkAssignInput,
  BulkDeleteInput,
  BulkPath,
  BulkResponse,
  BulkResult,
  BulkStageInput,
} from '../../contract/bulk.ts';
import { AppError } from '../../contract/errors.ts';
import { deleteAccount, updateAccount } from '../accounts/accounts.service.ts';
import { deleteActivity } from '../activities/activities.service.ts';
import { updateActivity } from '../activities/update-activity.ts';
import { deleteContact, updateContact } from '../contacts/contacts.service.ts';
import type { Deps } from '../context.ts';
import { deleteDeal, updateDeal } from '../deals/deals.service.ts';
import { changeDealStage } from '../oversight/approvals.service.ts';
import { deleteLead, updateLead } from '../leads/leads.service.ts';
import type { ExpectedVersion } from '../shared.ts';

/*
 * Bulk actions apply each record through the same use case as the single action, each in its own
 * transaction: a record the rules refuse (a stage gate, a stale version, a record outside the
 * actor's write scope) is reported with its reason and the others still go through. All-or-nothing
 * would make one refused deal block a whole page of reassignments, and the user could not tell
 * which record to fix without the per-record reasons anyway. Records are applied in the order sent.
 */

type Assign = (
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion,
  input: { ownerId: string | null },
) => Promise<{ version: number }>;
type Remove = (deps: Deps, actor: Actor, id: string, expected: ExpectedVersion) => Promise<void>;

const assigners: Record<BulkPath, Assign> = {
  deals: updateDeal,
  accounts: updateAccount,
  contacts: updateContact,
  leads: updateLead,
  activities: updateActivity,
};

const removers: Record<BulkPath, Remove> = {
  deals: deleteDeal,
  accounts: deleteAccount,
  contacts: deleteContact,
  leads: deleteLead,
  activities: deleteActivity,
};

function refusal(id: string, err: AppError): BulkResult {
  const missing = err.details?.missingFields;
  const current = err.details?.currentVersion;
  return {
    id,
    ok: false,
    code: err.code,
    message: err.message,
    ...(err.fields ? { errors: err.fields } : {}),
    ...(Array.isArray(missing) ? { missingFields: missing.map(String) } : {}),
    ...(typeof current === 'number' ? { currentVersion: current } : {}),
  };
}

async function each(
  records: BulkAssignInput['records'],
  apply: (id: string, expected: ExpectedVersion) => Promise<number | undefined>,
): Promise<BulkResponse> {
  const results: BulkResult[] = [];
  for (const r of records) {
    try {
      const version = await apply(r.id, r.version);
      results.push({ id: r.id, ok: true, ...(version !== undefined ? { version } : {}) });
    } catch (err) {
      // Refusals are the rules speaking and belong in the report; anything else is a fault.
      if (!(err instanceof AppError) || err.code === 'internal_error') throw err;
      results.push(refusal(r.id, err));
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}

/** Assigns every record to one owner (or none), with the owner rules of a single update. */
export function bulkAssign(deps: Deps, actor: Actor, path: BulkPath, input: BulkAssignInput): Promise<BulkResponse> {
  const assign = assigners[path];
  return each(
    input.records,
    async (id, expected) => (await assign(deps, actor, id, expected, { ownerId: input.ownerId })).version,
  );
}

/**
 * Moves every deal to one stage, under the rules of a single move (gates, order, closing rights)
 * and the approval rules: a move a rule holds is not applied but sent for approval, and reported
 * as such for that deal.
 */
export function bulkMoveStage(deps: Deps, actor: Actor, input: BulkStageInput): Promise<BulkResponse> {
  return each(input.records, async (id, expected) => {
    const r = await changeDealStage(deps, actor, id, expected, {
      stageId: input.stageId,
      lostReason: input.lostReason,
    });
    if (r.kind === 'applied') return r.deal.version;
    const why = r.held.approval.reasons.map((x) => x.message).join('; ');
    throw new AppError('conflict', `sent for approval instead: ${why}`, {
      details: { approvalId: r.held.approval.id },
    });
  });
}

/** Deletes every record (soft, as a single delete). */
export function bulkDelete(deps: Deps, actor: Actor, path: BulkPath, input: BulkDeleteInput): Promise<BulkResponse> {
  const remove = removers[path];
  return each(input.records, async (id, expected) => {
    await remove(deps, actor, id, expected);
    return undefined;
  });
}
