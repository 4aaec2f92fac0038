import type { Actor } from '../../contract/access.ts';
import { invalid, type FieldProblem } from '../../contract/errors.ts';
import type {
  ListRaisedObjectionsQuery,
  LogDealObjectionInput,
  RaisedObjectionDto,
  RaisedObjectionInput,
} from '../../contract/objections.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { assertCanRead, assertCanWrite } from '../access.ts';
import { write, type Deps } from '../context.ts';
import { toPage } from '../shared.ts';
import { getObjections } from './objections.repository.ts';
import * as repo from './raised-objections.repository.ts';

export function toRaisedObjectionDto(r: repo.RaisedObjectionListRow): RaisedObjectionDto {
  return {
    id: r.id,
    dealId: r.deal_id,
    activityId: r.activity_id,
    objectionId: r.objection_id,
    objectionTitle: r.objection_title,
    category: r.category as RaisedObjectionDto['category'],
    buyerWords: r.buyer_words,
    responseUsed: r.response_used,
    outcome: r.outcome as RaisedObjectionDto['outcome'],
    raisedAt: r.raised_at.toISOString(),
    raisedBy: r.raised_by,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Checks the library references of objections about to be logged: each `objectionId` must be an
 * active entry of the organization's library, in the category the rep chose (otherwise analysis by
 * category and by library entry would disagree). Returns the problems and the titles found.
 */
export async function checkRaisedObjections(
  db: DbExecutor,
  orgId: string,
  inputs: readonly RaisedObjectionInput[],
  fieldName: (index: number, field: string) => string,
): Promise<{ problems: FieldProblem[]; titles: Map<string, string> }> {
  const ids = [...new Set(inputs.flatMap((o) => (o.objectionId ? [o.objectionId] : [])))];
  const library = new Map((await getObjections(db, orgId, ids)).map((o) => [o.id, o]));
  const problems: FieldProblem[] = [];
  inputs.forEach((o, i) => {
    if (!o.objectionId) return;
    const entry = library.get(o.objectionId);
    if (!entry?.active) {
      problems.push({ field: fieldName(i, 'objectionId'), message: 'is not an active objection of the library' });
    } else if (entry.category !== o.category) {
      problems.push({
        field: fieldName(i, 'category'),
        message: `must be ${entry.category}, the category of the library objection`,
      });
    }
  });
  return { problems, titles: new Map([...library].map(([id, o]) => [id, o.title])) };
}

/**
 * Inserts checked objections in the caller's transaction, each with its `objection.raised` event,
 * so the objections commit or roll back together with what they were logged on.
 */
export async function insertRaisedObjections(
  trx: DbExecutor,
  deps: Pick<Deps, 'clock' | 'ids' | 'eventLog'>,
  actor: Actor,
  inputs: readonly RaisedObjectionInput[],
  on: { dealId: string | null; activityId: string | null; raisedAt: Date },
  titles: ReadonlyMap<string, string>,
): Promise<RaisedObjectionDto[]> {
  const now = deps.clock.now();
  const rows = await repo.insertRaisedObjections(
    trx,
    inputs.map((o) => ({
      org_id: actor.orgId,
      id: deps.ids.id(),
      deal_id: on.dealId,
      activity_id: on.activityId,
      objection_id: o.objectionId ?? null,
      category: o.category,
      buyer_words: o.buyerWords,
      response_used: o.responseUsed ?? null,
      outcome: o.outcome,
      raised_by: actor.userId,
      raised_at: on.raisedAt,
      created_at: now,
    })),
  );
  await deps.eventLog.append(
    trx,
    actor,
    rows.map((r) => ({
      // Recorded on the deal (or the call when there is no deal) so it shows on that record's timeline.
      entityType: r.deal_id ? 'deal' : 'activity',
      entityId: r.deal_id ?? r.activity_id ?? r.id,
      type: 'objection.raised',
      businessTime: r.raised_at,
      data: {
        after: {
          raisedObjectionId: r.id,
          dealId: r.deal_id,
          activityId: r.activity_id,
          objectionId: r.objection_id,
          category: r.category,
          buyerWords: r.buyer_words,
          responseUsed: r.response_used,
          outcome: r.outcome,
          raisedBy: r.raised_by,
          raisedAt: r.raised_at,
        },
      },
    })),
  );
  return rows.map((r) =>
    toRaisedObjectionDto({ ...r, objection_title: r.objection_id ? (titles.get(r.objection_id) ?? null) : null }),
  );
}

/** Logs an objection on a deal outside a call; whoever may change the deal may log on it. */
export async function logDealObjection(
  deps: Deps,
  actor: Actor,
  dealId: string,
  input: LogDealObjectionInput,
): Promise<RaisedObjectionDto> {
  const raisedAt = input.raisedAt ? new Date(input.raisedAt) : deps.clock.now();
  const [dto] = await write(deps, actor.orgId, async (trx) => {
    assertCanWrite(actor, 'deal', await repo.getDealScopeRow(trx, actor.orgId, dealId), dealId);
    // The single objection is the body itself, so its fields are named without an index.
    const { problems, titles } = await checkRaisedObjections(trx, actor.orgId, [input], (_i, field) => field);
    if (problems.length) throw invalid(problems);
    return insertRaisedObjections(trx, deps, actor, [input], { dealId, activityId: null, raisedAt }, titles);
  });
  if (!dto) throw new Error('inserting one raised objection returned none');
  return dto;
}

export async function listDealObjections(
  deps: Deps,
  actor: Actor,
  dealId: string,
  q: ListRaisedObjectionsQuery,
): Promise<{ items: RaisedObjectionDto[]; nextCursor: string | null }> {
  assertCanRead(actor, 'deal', await repo.getDealScopeRow(deps.db, actor.orgId, dealId), dealId);
  return listRaisedObjections(deps, actor.orgId, { dealId }, q);
}

/** A page of raised objections; the caller has already checked that the actor may read the parent record. */
export async function listRaisedObjections(
  deps: Deps,
  orgId: string,
  of: { dealId: string } | { activityId: string },
  q: ListRaisedObjectionsQuery,
): Promise<{ items: RaisedObjectionDto[]; nextCursor: string | null }> {
  const rows = await repo.listRaisedObjections(deps.db, orgId, of, q);
  return toPage(rows, q.limit, toRaisedObjectionDto, (r) => encodeCursor(r.raised_at, r.id));
}
