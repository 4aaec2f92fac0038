import {
  attainment,
  fiscalPeriod,
  fiscalPeriodOf,
  forecastAccuracy,
  prefillForecast,
  rollUpForecast,
  type FiscalPeriod,
  type ForecastFigures,
} from '../../analytics/forecasting.ts';
import {
  canRollUpForecast,
  canSetQuota,
  canSubmitForecast,
  forecastScope,
  seesForecastOf,
  type Actor,
} from '../../contract/access.ts';
import { forbidden, invalid, notFound } from '../../contract/errors.ts';
import type {
  AttainmentReportDto,
  ForecastAccuracyDto,
  ForecastDealDto,
  ForecastDraftDto,
  ForecastSubmissionDto,
  QuotaDto,
  RollUpDraftDto,
  RollUpForecastInput,
  RollUpMemberDto,
  SetQuotaInput,
  SubmitForecastInput,
} from '../../contract/forecasting.ts';
import { fromScaled, toScaled } from '../../contract/money.ts';
import { write, type Deps } from '../context.ts';
import * as repo from './forecasting.repository.ts';

interface PeriodContext extends FiscalPeriod {
  currency: string;
  timezone: string;
}

async function periodOf(deps: Deps, orgId: string, key: string): Promise<PeriodContext> {
  const cal = await repo.orgCalendar(deps.db, orgId);
  return { ...fiscalPeriod(key, cal.fiscalYearStartMonth), currency: cal.baseCurrency, timezone: cal.timezone };
}

const periodFields = (p: PeriodContext) => ({
  period: p.key,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  currency: p.currency,
});

const sum = (amounts: readonly string[]): string =>
  fromScaled(
    amounts.reduce((a, v) => a + toScaled(v, 2), 0n),
    2,
  );

function toDealDto(d: repo.OpenForecastDealRow): ForecastDealDto {
  return {
    dealId: d.id,
    name: d.name,
    amount: sum([d.amount]),
    category: d.category as ForecastDealDto['category'],
    probability: d.probability,
    expectedCloseDate: d.expected_close_date,
  };
}

/** A user's figures for the period as the system sees them now. */
async function draftFor(deps: Deps, orgId: string, p: PeriodContext, userId: string): Promise<ForecastDraftDto> {
  const open = await repo.openDealsInPeriod(deps.db, orgId, [userId], p.startsOn, p.endsOn);
  const inCurrency = open.filter((d) => d.currency === p.currency);
  const won = sum((await repo.wonDealsInPeriod(deps.db, orgId, [userId], p)).map((d) => d.amount));
  const deals = inCurrency.map(toDealDto);
  // Σ amount × probability / 100 in cents, rounded half away from zero once at the end.
  const weighted = deals.reduce((a, d) => a + toScaled(d.amount, 2) * BigInt(d.probability), 0n);
  const expected = toScaled(won, 2) + (weighted + 50n) / 100n;
  return {
    ...periodFields(p),
    userId,
    won,
    prefilled: prefillForecast(won, deals),
    deals,
    otherCurrencyDeals: open.length - inCurrency.length,
    system: { expected: fromScaled(expected, 2) },
  };
}

function assertSees(actor: Actor, userId: string): void {
  if (!seesForecastOf(actor, userId)) throw notFound('user', userId);
}

/** The figures a user's submission is pre-filled with (their own, or a person in the actor's forecast scope). */
export async function forecastDraft(
  deps: Deps,
  actor: Actor,
  q: { period: string; userId?: string },
): Promise<ForecastDraftDto> {
  const userId = q.userId ?? actor.userId;
  assertSees(actor, userId);
  if ((await repo.people(deps.db, actor.orgId, [userId])).length === 0) throw notFound('user', userId);
  return draftFor(deps, actor.orgId, await periodOf(deps, actor.orgId, q.period), userId);
}

interface StoredFigures {
  commit: string;
  bestCase: string;
  pipeline: string;
}

function toSubmissionDto(r: repo.SubmissionRow, names: ReadonlyMap<string, string>): ForecastSubmissionDto {
  return {
    id: r.id,
    period: r.period,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    currency: r.currency,
    kind: r.kind as ForecastSubmissionDto['kind'],
    userId: r.user_id,
    userName: names.get(r.user_id) ?? '',
    figures: { commit: r.commit_amount, bestCase: r.best_case_amount, pipeline: r.pipeline_amount },
    prefilled: r.prefilled as StoredFigures,
    won: r.won_amount,
    deals: r.deals as ForecastDealDto[],
    members: (r.members as Omit<RollUpMemberDto, 'name'>[]).map((m) => ({ ...m, name: names.get(m.userId) ?? '' })),
    note: r.note,
    submittedAt: r.submitted_at.toISOString(),
  };
}

async function namesOf(deps: Deps, orgId: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const rows = await repo.people(deps.db, orgId, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A rep's (or manager's own) submission: an immutable snapshot of the figures and the deals they were made of. */
export async function submitForecast(
  deps: Deps,
  actor: Actor,
  input: SubmitForecastInput,
): Promise<ForecastSubmissionDto> {
  if (!canSubmitForecast(actor)) throw forbidden('Your role does not submit forecasts');
  const p = await periodOf(deps, actor.orgId, input.period);
  const draft = await draftFor(deps, actor.orgId, p, actor.userId);
  const figures: ForecastFigures = {
    commit: input.commit === undefined ? draft.prefilled.commit : sum([input.commit]),
    bestCase: input.bestCase === undefined ? draft.prefilled.bestCase : sum([input.bestCase]),
    pipeline: input.pipeline === undefined ? draft.prefilled.pipeline : sum([input.pipeline]),
  };
  const note = input.note ? input.note : null;
  const row = await write(deps, actor.orgId, async (trx) => {
    const inserted = await repo.insertSubmission(trx, {
      org_id: actor.orgId,
      id: deps.ids.id(),
      period: p.key,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      kind: 'rep',
      user_id: actor.userId,
      currency: p.currency,
      commit_amount: figures.commit,
      best_case_amount: figures.bestCase,
      pipeline_amount: figures.pipeline,
      prefilled: JSON.stringify(draft.prefilled),
      won_amount: draft.won,
      deals: JSON.stringify(draft.deals),
      members: '[]',
      note,
      submitted_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'forecast_submission',
        entityId: inserted.id,
        type: 'forecast.submitted',
        data: {
          period: p.key,
          userId: actor.userId,
          currency: p.currency,
          figures,
          prefilled: draft.prefilled,
          won: draft.won,
          dealIds: draft.deals.map((d) => d.dealId),
          note,
        },
      },
    ]);
    return inserted;
  });
  return toSubmissionDto(row, await namesOf(deps, actor.orgId, [actor.userId]));
}

/** The people a manager rolls up: the reps and managers below them (not themselves). */
async function rollUpMembers(deps: Deps, actor: Actor): Promise<repo.PersonRow[]> {
  const below = actor.teamUserIds.filter((id) => id !== actor.userId);
  return repo.forecasters(deps.db, actor.orgId, below);
}

async function memberFigures(
  deps: Deps,
  actor: Actor,
  p: PeriodContext,
  members: readonly repo.PersonRow[],
): Promise<{ userId: string; submissionId: string | null; figures: ForecastFigures }[]> {
  const latest = new Map(
    (
      await repo.latestSubmissions(
        deps.db,
        actor.orgId,
        p.key,
        'rep',
        members.map((m) => m.id),
      )
    ).map((s) => [s.user_id, s]),
  );
  const out = [];
  for (const m of members) {
    const s = latest.get(m.id);
    const figures = s
      ? { commit: s.commit_amount, bestCase: s.best_case_amount, pipeline: s.pipeline_amount }
      : (await draftFor(deps, actor.orgId, p, m.id)).prefilled;
    out.push({ userId: m.id, submissionId: s?.id ?? null, figures });
  }
  return out;
}

/** A manager's roll-up before submitting: each member's latest submission (or pre-filled figures). */
export async function rollUpDraft(deps: Deps, actor: Actor, q: { period: string }): Promise<RollUpDraftDto> {
  if (!canRollUpForecast(actor)) throw forbidden('Only managers roll up forecasts');
  const p = await periodOf(deps, actor.orgId, q.period);
  const members = await rollUpMembers(deps, actor);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const figures = await memberFigures(deps, actor, p, members);
  const r = rollUpForecast(figures);
  return {
    ...periodFields(p),
    members: r.members.map((m, i) => ({
      userId: m.userId,
      name: names.get(m.userId) ?? '',
      submissionId: figures[i]?.submissionId ?? null,
      figures: m.figures,
      override: {},
      counted: m.counted,
    })),
    total: r.total,
  };
}

/** A manager's roll-up of the team with overrides and a note: an immutable snapshot and an event. */
export async function submitRollUp(
  deps: Deps,
  actor: Actor,
  input: RollUpForecastInput,
): Promise<ForecastSubmissionDto> {
  if (!canRollUpForecast(actor)) throw forbidden('Only managers roll up forecasts');
  const p = await periodOf(deps, actor.orgId, input.period);
  const members = await rollUpMembers(deps, actor);
  const memberIds = new Set(members.map((m) => m.id));
  const problems = input.overrides.flatMap((o, i) =>
    memberIds.has(o.userId) ? [] : [{ field: `overrides.${i}.userId`, message: 'is not a member of your team' }],
  );
  if (problems.length > 0) throw invalid(problems);
  const overrides = new Map(input.overrides.map((o) => [o.userId, o]));
  const figures = await memberFigures(deps, actor, p, members);
  const rolled = rollUpForecast(
    figures.map((f) => {
      const o = overrides.get(f.userId);
      const override: Partial<ForecastFigures> = {};
      if (o?.commit !== undefined) override.commit = sum([o.commit]);
      if (o?.bestCase !== undefined) override.bestCase = sum([o.bestCase]);
      if (o?.pipeline !== undefined) override.pipeline = sum([o.pipeline]);
      return { userId: f.userId, figures: f.figures, override };
    }),
  );
  const stored = rolled.members.map((m, i) => ({
    userId: m.userId,
    submissionId: figures[i]?.submissionId ?? null,
    figures: m.figures,
    override: m.override ?? {},
    counted: m.counted,
  }));
  const note = input.note ? input.note : null;
  const prefilled = rollUpForecast(figures).total;
  const row = await write(deps, actor.orgId, async (trx) => {
    const inserted = await repo.insertSubmission(trx, {
      org_id: actor.orgId,
      id: deps.ids.id(),
      period: p.key,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      kind: 'rollup',
      user_id: actor.userId,
      currency: p.currency,
      commit_amount: rolled.total.commit,
      best_case_amount: rolled.total.bestCase,
      pipeline_amount: rolled.total.pipeline,
      prefilled: JSON.stringify(prefilled),
      won_amount: sum(
        (
          await repo.wonDealsInPeriod(
            trx,
            actor.orgId,
            members.map((m) => m.id),
            p,
          )
        ).map((d) => d.amount),
      ),
      deals: '[]',
      members: JSON.stringify(stored),
      note,
      submitted_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'forecast_submission',
        entityId: inserted.id,
        type: 'forecast.rolled_up',
        data: {
          period: p.key,
          userId: actor.userId,
          currency: p.currency,
          figures: rolled.total,
          members: stored.map(({ counted: _counted, ...m }) => m),
          note,
        },
      },
    ]);
    return inserted;
  });
  return toSubmissionDto(row, await namesOf(deps, actor.orgId, [actor.userId, ...memberIds]));
}

/** Submissions of a period in the actor's forecast scope (reps their own, managers their team's, auditors all). */
export async function listSubmissions(
  deps: Deps,
  actor: Actor,
  q: { period: string; userId?: string },
): Promise<{ items: ForecastSubmissionDto[] }> {
  const scope = forecastScope(actor);
  if (scope.kind === 'none' || scope.kind === 'partner' || scope.kind === 'agent')
    throw forbidden('Forecasts are not shown to your role');
  if (q.userId) assertSees(actor, q.userId);
  const who = q.userId ? [q.userId] : scope.kind === 'all' ? 'all' : scope.ownerIds;
  const rows = await repo.listSubmissions(deps.db, actor.orgId, q.period, who);
  const names = await namesOf(
    deps,
    actor.orgId,
    rows.flatMap((r) => [r.user_id, ...(r.members as { userId: string }[]).map((m) => m.userId)]),
  );
  return { items: rows.map((r) => toSubmissionDto(r, names)) };
}

/**
 * Accuracy of each rep's last submission of the period (in the actor's scope): the commit against
 * what they won in the period, and the Brier score of the stage probabilities of the submitted deals
 * against whether each was won within the period. `closed` says whether the period has ended (the
 * organization's day); before that the figures are provisional.
 */
export async function forecastAccuracyReport(
  deps: Deps,
  actor: Actor,
  q: { period: string },
): Promise<ForecastAccuracyDto> {
  const scope = forecastScope(actor);
  if (scope.kind === 'none' || scope.kind === 'partner' || scope.kind === 'agent')
    throw forbidden('Forecasts are not shown to your role');
  const p = await periodOf(deps, actor.orgId, q.period);
  const today = await repo.dayInZone(deps.db, deps.clock.now(), p.timezone);
  const people = await repo.forecasters(deps.db, actor.orgId, scope.kind === 'all' ? 'all' : scope.ownerIds);
  const latest = await repo.latestSubmissions(
    deps.db,
    actor.orgId,
    p.key,
    'rep',
    people.map((x) => x.id),
  );
  const won = await repo.wonDealsInPeriod(
    deps.db,
    actor.orgId,
    latest.map((s) => s.user_id),
    p,
  );
  const wonIds = new Set(won.map((w) => w.id));
  const names = new Map(people.map((x) => [x.id, x.name]));
  const items = latest
    .map((s) => {
      const actual = sum(won.filter((w) => w.owner_id === s.user_id).map((w) => w.amount));
      const a = forecastAccuracy(s.commit_amount, actual, s.deals as ForecastDealDto[], wonIds);
      return {
        userId: s.user_id,
        name: names.get(s.user_id) ?? '',
        submissionId: s.id,
        commit: s.commit_amount,
        actualWon: actual,
        ...a,
      };
    })
    .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return { ...periodFields(p), closed: today >= p.endsOn, items };
}

function toQuotaDto(r: repo.QuotaRow, name: string): QuotaDto {
  return {
    id: r.id,
    period: r.period,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    currency: r.currency,
    userId: r.user_id,
    teamId: r.team_id,
    name,
    amount: r.amount,
    version: r.version,
  };
}

/** Sets (or changes) a rep's or team's quota of a period, in the organization's currency. */
export async function setQuota(deps: Deps, actor: Actor, input: SetQuotaInput): Promise<QuotaDto> {
  const target: { userId: string } | { teamId: string } = input.userId
    ? { userId: input.userId }
    : { teamId: input.teamId ?? '' };
  const p = await periodOf(deps, actor.orgId, input.period);
  let name: string;
  if ('userId' in target) {
    const [person] = await repo.forecasters(deps.db, actor.orgId, [target.userId]);
    if (!person) throw invalid([{ field: 'userId', message: 'is not an active rep or manager of this organization' }]);
    name = person.name;
  } else {
    const [team] = await repo.teams(deps.db, actor.orgId, [target.teamId]);
    if (!team) throw invalid([{ field: 'teamId', message: 'is not a team of this organization' }]);
    name = team.name;
  }
  if (!canSetQuota(actor, target)) throw forbidden('You cannot set this quota');
  const amount = sum([input.amount]);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = await repo.lockQuota(trx, actor.orgId, p.key, target);
    const now = deps.clock.now();
    const after = before
      ? await repo.updateQuotaAmount(trx, actor.orgId, before.id, amount, actor.userId, now)
      : await repo.insertQuota(trx, {
          org_id: actor.orgId,
          id: deps.ids.id(),
          period: p.key,
          starts_on: p.startsOn,
          ends_on: p.endsOn,
          user_id: 'userId' in target ? target.userId : null,
          team_id: 'teamId' in target ? target.teamId : null,
          currency: p.currency,
          amount,
          set_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'quota',
        entityId: after.id,
        type: 'quota.set',
        data: {
          period: p.key,
          userId: after.user_id,
          teamId: after.team_id,
          currency: after.currency,
          amount: { from: before?.amount ?? null, to: after.amount },
        },
      },
    ]);
    return after;
  });
  return toQuotaDto(row, name);
}

/** Quota vs forecast vs actual of a period, with attainment and pacing (linear in calendar days), in scope. */
export async function attainmentReport(deps: Deps, actor: Actor, q: { period: string }): Promise<AttainmentReportDto> {
  const scope = forecastScope(actor);
  if (scope.kind === 'none' || scope.kind === 'partner') throw forbidden('Quotas are not shown to your role');
  const p = await periodOf(deps, actor.orgId, q.period);
  const today = await repo.dayInZone(deps.db, deps.clock.now(), p.timezone);
  const quotas = await repo.listQuotas(deps.db, actor.orgId, p.key);
  const items: AttainmentReportDto['items'] = [];
  const userQuotas = quotas.filter((x) => x.user_id !== null && seesForecastOf(actor, x.user_id));
  const people = new Map(
    (
      await repo.people(
        deps.db,
        actor.orgId,
        userQuotas.map((x) => x.user_id ?? ''),
      )
    ).map((x) => [x.id, x.name]),
  );
  const repIds = userQuotas.map((x) => x.user_id ?? '');
  const latest = new Map(
    (await repo.latestSubmissions(deps.db, actor.orgId, p.key, 'rep', repIds)).map((s) => [s.user_id, s]),
  );
  const won = await repo.wonDealsInPeriod(deps.db, actor.orgId, repIds, p);
  for (const quota of userQuotas) {
    const userId = quota.user_id ?? '';
    const actual = sum(won.filter((w) => w.owner_id === userId).map((w) => w.amount));
    const a = attainment(quota.amount, actual, p, today);
    items.push({
      kind: 'rep',
      id: userId,
      name: people.get(userId) ?? '',
      quota: quota.amount,
      forecastCommit: latest.get(userId)?.commit_amount ?? null,
      actual,
      attainment: a.attainment,
      expectedByNow: a.expectedByNow,
      pacing: a.pacing,
    });
  }
  // Teams: admins and auditors see every team's; a manager the teams they manage.
  const teamQuotas = quotas.filter((x) => x.team_id !== null);
  const teams = await repo.teams(
    deps.db,
    actor.orgId,
    teamQuotas.map((x) => x.team_id ?? ''),
  );
  for (const team of teams) {
    if (!(scope.kind === 'all' || team.manager_id === actor.userId)) continue;
    const quota = teamQuotas.find((x) => x.team_id === team.id);
    if (!quota) continue;
    const members = await repo.teamMembers(deps.db, actor.orgId, team.id);
    const actual = sum((await repo.wonDealsInPeriod(deps.db, actor.orgId, members, p)).map((w) => w.amount));
    const rollups = team.manager_id
      ? await repo.latestSubmissions(deps.db, actor.orgId, p.key, 'rollup', [team.manager_id])
      : [];
    const a = attainment(quota.amount, actual, p, today);
    items.push({
      kind: 'team',
      id: team.id,
      name: team.name,
      quota: quota.amount,
      forecastCommit: rollups[0]?.commit_amount ?? null,
      actual,
      attainment: a.attainment,
      expectedByNow: a.expectedByNow,
      pacing: a.pacing,
    });
  }
  const days = attainment('0.00', '0.00', p, today);
  return { ...periodFields(p), today, daysTotal: days.daysTotal, daysElapsed: days.daysElapsed, items };
}

/** The quotas of a period in the actor's forecast scope. */
export async function listQuotas(deps: Deps, actor: Actor, q: { period: string }): Promise<{ items: QuotaDto[] }> {
  const scope = forecastScope(actor);
  if (scope.kind === 'none' || scope.kind === 'partner') throw forbidden('Quotas are not shown to your role');
  const p = await periodOf(deps, actor.orgId, q.period);
  const rows = await repo.listQuotas(deps.db, actor.orgId, p.key);
  const visibleTeams = new Map(
    (
      await repo.teams(
        deps.db,
        actor.orgId,
        rows.flatMap((r) => (r.team_id ? [r.team_id] : [])),
      )
    )
      .filter((t) => scope.kind === 'all' || t.manager_id === actor.userId)
      .map((t) => [t.id, t.name]),
  );
  const names = await namesOf(
    deps,
    actor.orgId,
    rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  );
  return {
    items: rows.flatMap((r) => {
      if (r.user_id) return seesForecastOf(actor, r.user_id) ? [toQuotaDto(r, names.get(r.user_id) ?? '')] : [];
      const team = r.team_id ? visibleTeams.get(r.team_id) : undefined;
      return team === undefined ? [] : [toQuotaDto(r, team)];
    }),
  };
}

/** The fiscal quarter the organization's today falls in (`YYYY-Qn`). */
export async function currentFiscalPeriod(deps: Deps, orgId: string): Promise<string> {
  const cal = await repo.orgCalendar(deps.db, orgId);
  return fiscalPeriodOf(await repo.dayInZone(deps.db, deps.clock.now(), cal.timezone), cal.fiscalYearStartMonth).key;
}
