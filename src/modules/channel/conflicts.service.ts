import { canManageChannel, canReadConflicts, type Actor } from '../../contract/access.ts';
import type { EventActor } from '../events/event-log.ts';
import type {
  ConflictDto,
  ConflictEvidence,
  ConflictParty,
  ListConflictsQuery,
  MatchReason,
  ResolveConflictInput,
} from '../../contract/channel.ts';
import { AppError, forbidden } from '../../contract/errors.ts';
import {
  matchParties,
  normaliseDomain,
  normaliseName,
  suggestWinner,
  type MatchParty,
} from '../../analytics/channel-match.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './channel.repository.ts';
import { channelSettings } from './programme.service.ts';

export function toConflictDto(r: repo.ConflictRow): ConflictDto {
  return {
    id: r.id,
    subjectKind: r.subject_kind as ConflictDto['subjectKind'],
    subjectId: r.subject_id,
    matchKind: r.match_kind as ConflictDto['matchKind'],
    matchId: r.match_id,
    reasons: r.reasons as MatchReason[],
    evidence: r.evidence as ConflictEvidence,
    policy: r.policy as ConflictDto['policy'],
    suggestedWinner: r.suggested_winner as ConflictDto['suggestedWinner'],
    status: r.status as ConflictDto['status'],
    winner: r.winner as ConflictDto['winner'],
    resolutionNote: r.resolution_note,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at ? r.resolved_at.toISOString() : null,
    detectedAt: r.detected_at.toISOString(),
    version: r.version,
  };
}

/** A party about to be checked: a registration or a deal with its customer. */
export interface Subject extends MatchParty {
  kind: 'registration' | 'deal';
  id: string;
  channel: 'direct' | 'partner';
  partnerAccountId: string | null;
  since: Date;
}

/**
 * The live registrations and open deals that conflict with a customer, with the reasons. The
 * subject itself, the deal a matched registration was approved into (and the registration of a
 * matched deal), and parties of the same partner are left out: a partner does not conflict with
 * itself.
 */
export async function findConflicts(
  db: DbExecutor,
  orgId: string,
  subject: Omit<Subject, 'id' | 'since'> & { id: string | null },
  now: Date,
): Promise<{ candidate: repo.CandidateRow; reasons: MatchReason[] }[]> {
  const candidates = await repo.conflictCandidates(
    db,
    orgId,
    {
      name: subject.customerName,
      normalisedName: normaliseName(subject.customerName),
      domain: normaliseDomain(subject.customerDomain),
    },
    now,
  );
  const regIds = candidates.filter((c) => c.kind === 'registration').map((c) => c.id);
  const dealOf = await repo.registrationDealIds(db, orgId, regIds);
  const approvedDeals = new Set(dealOf.values());
  const out: { candidate: repo.CandidateRow; reasons: MatchReason[] }[] = [];
  for (const c of candidates) {
    if (c.id === subject.id) continue;
    if (c.kind === 'deal' && approvedDeals.has(c.id)) continue;
    if (subject.kind === 'deal' && c.kind === 'registration' && dealOf.get(c.id) === subject.id) continue;
    if (subject.partnerAccountId !== null && c.partner_account_id === subject.partnerAccountId) continue;
    // two direct deals for one customer are the direct team's business, not a channel conflict
    if (subject.channel === 'direct' && c.channel === 'direct') continue;
    const reasons = matchParties(subject, {
      customerName: c.customer_name,
      customerDomain: c.customer_domain,
      productIds: c.product_ids,
    });
    if (reasons) out.push({ candidate: c, reasons });
  }
  return out;
}

const entityOf = (kind: 'registration' | 'deal') => (kind === 'registration' ? 'deal_registration' : 'deal');

/**
 * Records a conflict for each match of a registration or a direct deal just written, in the same
 * transaction: the evidence (when each party started, each party's earlier events) and the party
 * the organisation's policy favours. Returns how many were recorded.
 */
export async function recordConflicts(
  trx: DbExecutor,
  deps: Deps,
  actor: EventActor,
  subject: Subject,
): Promise<number> {
  const now = deps.clock.now();
  const matches = await findConflicts(trx, actor.orgId, subject, now);
  if (matches.length === 0) return 0;
  const { conflictPolicy } = await channelSettings(trx, actor.orgId);
  const subjectEvents = await repo.earlierEvents(trx, actor.orgId, entityOf(subject.kind), subject.id, now);
  let n = 0;
  for (const { candidate, reasons } of matches) {
    const matchEvents = await repo.earlierEvents(trx, actor.orgId, entityOf(candidate.kind), candidate.id, now);
    const suggested = suggestWinner(
      conflictPolicy,
      { since: subject.since, earlierEvents: subjectEvents.length },
      { since: candidate.since, earlierEvents: matchEvents.length },
    );
    const party = (p: {
      kind: 'registration' | 'deal';
      id: string;
      customerName: string;
      channel: 'direct' | 'partner';
      partnerAccountId: string | null;
      since: Date;
    }): ConflictParty => ({
      kind: p.kind,
      id: p.id,
      customerName: p.customerName,
      channel: p.channel,
      partnerAccountId: p.partnerAccountId,
      since: p.since.toISOString(),
    });
    const evidence: ConflictEvidence = {
      subject: party(subject),
      match: party({
        kind: candidate.kind,
        id: candidate.id,
        customerName: candidate.customer_name,
        channel: candidate.channel,
        partnerAccountId: candidate.partner_account_id,
        since: candidate.since,
      }),
      subjectEvents: subjectEvents.map((e) => ({ type: e.type, at: e.at.toISOString() })),
      matchEvents: matchEvents.map((e) => ({ type: e.type, at: e.at.toISOString() })),
    };
    const id = deps.ids.id();
    const inserted = await repo.insertConflict(trx, {
      org_id: actor.orgId,
      id,
      subject_kind: subject.kind,
      subject_id: subject.id,
      match_kind: candidate.kind,
      match_id: candidate.id,
      reasons: JSON.stringify(reasons),
      evidence: JSON.stringify(evidence),
      policy: conflictPolicy,
      suggested_winner: suggested,
      detected_at: now,
    });
    if (!inserted) continue;
    n++;
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'channel_conflict',
        entityId: id,
        type: 'channel_conflict.detected',
        data: {
          subjectKind: subject.kind,
          subjectId: subject.id,
          matchKind: candidate.kind,
          matchId: candidate.id,
          reasons,
          policy: conflictPolicy,
          suggestedWinner: suggested,
        },
      },
    ]);
  }
  return n;
}

function assertRead(actor: Actor): void {
  if (!canReadConflicts(actor)) throw forbidden('Your role cannot read channel conflicts');
}

export async function listConflicts(
  deps: Deps,
  actor: Actor,
  q: ListConflictsQuery,
): Promise<{ items: ConflictDto[]; nextCursor: string | null }> {
  assertRead(actor);
  const rows = await repo.listConflicts(deps.db, actor.orgId, q);
  return toPage(rows, q.limit, toConflictDto, (r) => encodeCursor(r.detected_at, r.id));
}

export async function getConflict(deps: Deps, actor: Actor, id: string): Promise<ConflictDto> {
  assertRead(actor);
  return toConflictDto(found(await repo.getConflict(deps.db, actor.orgId, id), 'conflict', id));
}

/** A channel manager decides who keeps the customer (or that both share it); the outcome is an event. */
export async function resolveConflict(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: ResolveConflictInput,
): Promise<ConflictDto> {
  if (!canManageChannel(actor)) throw forbidden('Only channel managers resolve conflicts');
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.getConflict(trx, actor.orgId, id, true), 'conflict', id);
    const version = checkVersion('conflict', id, before.version, expected);
    if (before.status === 'resolved') throw new AppError('conflict', 'This conflict is already resolved');
    const after = await repo.updateConflict(trx, actor.orgId, id, version, {
      status: 'resolved',
      winner: input.winner,
      resolution_note: input.note ?? null,
      resolved_by: actor.userId,
      resolved_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'channel_conflict',
        entityId: id,
        type: 'channel_conflict.resolved',
        data: {
          winner: input.winner,
          suggestedWinner: before.suggested_winner,
          note: input.note ?? null,
        },
      },
    ]);
    return after;
  });
  return toConflictDto(row);
}
