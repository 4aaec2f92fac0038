import { z } from 'zod';
import { periodSchema } from '../../contract/commissions.ts';
import { invalid } from '../../contract/errors.ts';
import { getStatement, userPayee } from '../../modules/commissions/statements.service.ts';
import { withDeps } from '../context.ts';
import { parseInput } from '../input.ts';
import type { Io } from '../io.ts';
import { operatorActor } from '../operator.ts';
import { resolveOrganization } from '../organization.ts';
import { formatTable } from '../table.ts';

export interface StatementOptions {
  period: string;
  user?: string;
  partner?: string;
  agent?: string;
  org?: string;
  json?: boolean;
}

export async function statementCommand(io: Io, opts: StatementOptions): Promise<void> {
  const { period } = parseInput(z.object({ period: periodSchema }), { period: opts.period }, { period: '--period' });
  if ([opts.user, opts.partner, opts.agent].filter((v) => v !== undefined).length !== 1)
    throw invalid([{ field: '--user', message: 'name one of --user, --partner or --agent' }], 'invalid input');
  await withDeps(async (deps) => {
    const org = await resolveOrganization(deps, opts.org);
    const actor = operatorActor(org.id);
    const payee =
      opts.user !== undefined
        ? await userPayee(deps, org.id, opts.user)
        : opts.agent !== undefined
          ? { kind: 'agent' as const, id: opts.agent }
          : { kind: 'partner' as const, id: opts.partner ?? '' };
    const s = await getStatement(deps, actor, { period, payeeKind: payee.kind, payeeId: payee.id });
    if (opts.json) {
      io.out(JSON.stringify(s, null, 2));
      return;
    }
    io.out(`Commission statement of ${s.payee.name} for ${s.period}${s.plan ? ` (plan ${s.plan.name})` : ''}`);
    for (const line of formatTable(
      ['DAY', 'KIND', 'DEAL', 'FAMILY', 'BASIS', 'RATE %', 'X', 'AMOUNT', 'EVENTS'],
      s.lines.map((l) => [
        l.day,
        l.kind,
        l.dealName ?? '-',
        l.family ?? '-',
        l.basis ?? '-',
        l.ratePercent ?? '-',
        l.multiplier ?? '-',
        `${l.amount}${l.capped ? ' (capped)' : ''}`,
        l.eventIds.join(','),
      ]),
    ))
      io.out(line);
    for (const t of s.totals) io.out(`Total ${t.currency} ${t.amount}`);
    if (s.totals.length === 0) io.out('No lines this month.');
  });
}
