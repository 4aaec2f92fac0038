import type { VerifyReport } from '../modules/events/chain.ts';

/** One line (two when broken) describing a verification. */
export function describeReport(organization: string, r: VerifyReport): string[] {
  const unsealed = r.unsealed > 0 ? `; ${r.unsealed} event(s) not sealed yet` : '';
  if (r.ok) return [`Audit chain of "${organization}": OK, ${r.checked} event(s) verified${unsealed}`];
  const at = r.firstBreak
    ? `at event ${r.firstBreak.seq}${r.firstBreak.eventId !== null ? ` (id ${r.firstBreak.eventId})` : ''}`
    : '';
  return [
    `Audit chain of "${organization}": BROKEN ${at}: ${r.firstBreak?.reason ?? 'unknown reason'}`,
    `  ${r.checked} event(s) verified before the break${unsealed}`,
  ];
}
