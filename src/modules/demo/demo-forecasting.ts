import type { Actor } from '../../contract/access.ts';
import { fiscalPeriod, fiscalPeriodOf, shiftFiscalPeriod } from '../../contract/fiscal.ts';
import { actorForUser } from '../auth/auth.service.ts';
import type { Deps } from '../context.ts';
import { fromScaled, toScaled } from '../../contract/money.ts';
import {
  forecastDraft,
  rollUpDraft,
  setQuota,
  submitForecast,
  submitRollUp,
} from '../forecasting/forecasting.service.ts';
import type { Action } from './demo-history.ts';

const DAY = 86_400_000;

/** `percent` % of an amount, in whole cents rounded down. */
function share(amount: string, percent: bigint): string {
  const cents = (toScaled(amount, 2) * percent) / 100n;
  return fromScaled(cents, 2);
}

/** The demo's current fiscal quarter and the one before it (fiscal year from January). */
export function demoQuarters(end: number, timeZone: string): { previous: string; current: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(end));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  const current = fiscalPeriodOf(day, 1).key;
  return { previous: shiftFiscalPeriod(current, -1), current };
}

/**
 * Forecasts of the quarter before the current one, made while it ran: three weeks in, each field
 * rep submits their pre-filled figures (the first trims the commit), and a day later the field
 * lead rolls the team up with an override of the first rep's commit and a note. The quarter has
 * closed since, so the accuracy report scores them.
 */
export function scheduleDemoForecasts(opts: {
  deps: Deps;
  quarter: string;
  reps: readonly Actor[];
  manager: Actor;
  start: number;
  end: number;
}): Action[] {
  const { deps, quarter, reps, manager } = opts;
  const at = Date.parse(`${fiscalPeriod(quarter, 1).startsOn}T15:00:00Z`) + 21 * DAY;
  if (at < opts.start || at + DAY >= opts.end) return [];
  const first = reps[0];
  const actions: Action[] = reps.map((rep, i) => ({
    at: at + i * 3_600_000,
    run: async () => {
      await submitForecast(deps, rep, { period: quarter, note: null });
    },
  }));
  // Half an hour later the first rep submits again, the commit trimmed to 90 %: a later snapshot.
  if (first)
    actions.push({
      at: at + 1_800_000,
      run: async () => {
        const draft = await forecastDraft(deps, first, { period: quarter });
        await submitForecast(deps, first, {
          period: quarter,
          commit: share(draft.prefilled.commit, 90n),
          note: 'Holding back the largest deal until legal signs off',
        });
      },
    });
  if (first)
    actions.push({
      at: at + DAY,
      run: async () => {
        // The lead as the team stands now (the actor made before the reps joined would not see them).
        const lead = await actorForUser(deps, manager.orgId, manager.userId);
        const draft = await rollUpDraft(deps, lead, { period: quarter });
        const member = draft.members.find((m) => m.userId === first.userId);
        await submitRollUp(deps, lead, {
          period: quarter,
          overrides: member ? [{ userId: first.userId, commit: share(member.figures.commit, 80n) }] : [],
          note: member ? 'Counting 80 % of the commit until legal signs off' : null,
        });
      },
    });
  return actions;
}

/** Quotas of the field reps, the channel rep and the field team for the demo's last two quarters. */
export async function seedDemoQuotas(
  deps: Deps,
  admin: Actor,
  opts: { quarters: readonly string[]; reps: readonly Actor[]; fieldTeamId: string },
): Promise<number> {
  const amounts = ['180000.00', '150000.00', '150000.00', '120000.00', '90000.00'];
  let count = 0;
  for (const period of opts.quarters) {
    for (const [i, rep] of opts.reps.entries()) {
      await setQuota(deps, admin, { period, userId: rep.userId, amount: amounts[i % amounts.length] ?? '100000.00' });
      count++;
    }
    await setQuota(deps, admin, { period, teamId: opts.fieldTeamId, amount: '600000.00' });
    count++;
  }
  return count;
}
