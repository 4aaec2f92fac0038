import { commissionLedger, statementOf, type CommissionLine } from '../../analytics/commissions.ts';
import {
  canReadStatement,
  canReadTeamStatements,
  ownAgentParty,
  type Actor,
  type CommissionPayee,
} from '../../contract/access.ts';
import type { StatementDto, StatementQuery, StatementPayeeKind } from '../../contract/commissions.ts';
import { forbidden, invalid, notFound } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import { reading, type Deps } from '../context.ts';
import * as repo from './commissions.repository.ts';
import { toAssignment, toDisputeDto, toPlan } from './dto.ts';

/** The payee a request names, or the actor itself (a partner user: its partner account; an agent user: its party). */
export function payeeOf(actor: Actor, kind: StatementPayeeKind | undefined, id: string | undefined): CommissionPayee {
  if (id !== undefined) return { kind: kind ?? 'user', id };
  if (kind === 'agent' || actor.role === 'agent') {
    const party = ownAgentParty(actor);
    if (party === null) throw invalid([{ field: 'payeeId', message: 'is required' }]);
    return { kind: 'agent', id: party };
  }
  if (kind === 'partner' || actor.role === 'partner') {
    if (!actor.partnerAccountId) throw invalid([{ field: 'payeeId', message: 'is required' }]);
    return { kind: 'partner', id: actor.partnerAccountId };
  }
  return { kind: 'user', id: actor.userId };
}

/**
 * Every commission line of the organization up to the end of a month, from the log (events written
 * before that instant) and the plans and assignments; each line belongs to the month of its event.
 */
export async function ledgerUntil(
  db: DbExecutor,
  orgId: string,
  period: string,
): Promise<{ lines: CommissionLine[]; end: Date; assignments: repo.AssignmentRow[]; plans: repo.PlanRow[] }> {
  const { timezone } = await repo.orgSettings(db, orgId);
  const { end } = await repo.monthBounds(db, period, timezone);
  const [plans, assignments, events] = [
    await repo.listPlans(db, orgId),
    await repo.listAssignments(db, orgId),
    await repo.commissionEvents(db, orgId, end),
  ];
  const lines = commissionLedger({
    plans: plans.map(toPlan),
    assignments: assignments.map(toAssignment),
    events,
    timeZone: timezone,
  });
  return { lines, end, assignments, plans };
}

export async function getStatement(deps: Deps, actor: Actor, q: StatementQuery): Promise<StatementDto> {
  const payee = payeeOf(actor, q.payeeKind, q.payeeId);
  if (!canReadStatement(actor, payee)) throw forbidden('You may not read this statement');
  const db = reading(deps).db;
  const names = await repo.payeeNames(db, actor.orgId, [payee]);
  const name = names.get(`${payee.kind}:${payee.id}`);
  if (name === undefined)
    throw notFound(
      payee.kind === 'user' ? 'user' : payee.kind === 'agent' ? 'agent party' : 'partner account',
      payee.id,
    );
  const { lines, end, assignments, plans } = await ledgerUntil(db, actor.orgId, q.period);
  const statement = statementOf(lines, payee, q.period);
  const first = `${q.period}-01`;
  const assignment = assignments.find(
    (a) =>
      a.payee_kind === payee.kind &&
      a.payee_id === payee.id &&
      a.starts_on <= first &&
      (a.ends_on === null || first <= a.ends_on),
  );
  const plan = assignment ? plans.find((p) => p.id === assignment.plan_id) : undefined;
  const deals = await repo.dealNames(
    db,
    actor.orgId,
    statement.lines.flatMap((l) => (l.dealId ? [l.dealId] : [])),
  );
  // An agent's lines come from its agreements: they are not disputed here.
  const disputes = payee.kind === 'agent' ? [] : await repo.listDisputes(db, actor.orgId, { period: q.period, payee });
  return {
    payee: { ...payee, name },
    period: q.period,
    plan: plan ? { id: plan.id, name: plan.name } : null,
    lines: statement.lines.map((l) => ({
      id: l.id,
      period: l.period,
      day: l.day,
      kind: l.kind,
      dealId: l.dealId,
      dealName: l.dealId ? (deals.get(l.dealId) ?? null) : null,
      family: l.family,
      basis: l.basis,
      ratePercent: l.ratePercent,
      multiplier: l.multiplier,
      amount: l.amount,
      currency: l.currency,
      capped: l.capped,
      note: l.note,
      eventIds: l.eventIds,
    })),
    totals: statement.totals,
    disputes: disputes.map((d) => toDisputeDto(d, name)),
    asOf: end.toISOString(),
  };
}

/**
 * The month's statements of everyone the actor reads (managers their team, admins and auditors
 * everyone): each payee with a plan that month or a line in it, with their totals.
 */
export async function teamStatements(
  deps: Deps,
  actor: Actor,
  period: string,
): Promise<{
  items: {
    payee: { kind: StatementPayeeKind; id: string; name: string };
    lines: number;
    totals: { currency: string; amount: string }[];
    openDisputes: number;
  }[];
}> {
  if (!canReadTeamStatements(actor)) throw forbidden('Team statements are not shown to your role');
  const db = reading(deps).db;
  const { lines, assignments } = await ledgerUntil(db, actor.orgId, period);
  const first = `${period}-01`;
  const last = `${period}-31`;
  const keys = new Map<string, CommissionPayee>();
  for (const a of assignments)
    if (a.starts_on <= last && (a.ends_on === null || first <= a.ends_on))
      keys.set(`${a.payee_kind}:${a.payee_id}`, {
        kind: a.payee_kind === 'partner' ? 'partner' : 'user',
        id: a.payee_id,
      });
  for (const l of lines)
    if (l.period === period) keys.set(`${l.payeeKind}:${l.payeeId}`, { kind: l.payeeKind, id: l.payeeId });
  const payees = [...keys.values()].filter((p) => canReadStatement(actor, p));
  const names = await repo.payeeNames(db, actor.orgId, payees);
  const open = await repo.listDisputes(db, actor.orgId, { period, status: 'open' });
  const items = payees.map((p) => {
    const s = statementOf(lines, p, period);
    return {
      payee: { ...p, name: names.get(`${p.kind}:${p.id}`) ?? '' },
      lines: s.lines.length,
      totals: s.totals,
      openDisputes: open.filter((d) => d.payee_kind === p.kind && d.payee_id === p.id).length,
    };
  });
  items.sort((a, b) => a.payee.name.localeCompare(b.payee.name) || a.payee.id.localeCompare(b.payee.id));
  return { items };
}

/** The user a command line names by id or email, as a payee; not_found when there is none. */
export async function userPayee(deps: Deps, orgId: string, key: string): Promise<CommissionPayee> {
  const id = await repo.userByIdOrEmail(deps.db, orgId, key);
  if (id === undefined) throw notFound('user', key);
  return { kind: 'user', id };
}
