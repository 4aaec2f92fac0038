import type { Command } from 'commander';
import type { OrganizationDto } from '../../domain/users.ts';
import type { Deps } from '../../modules/context.ts';
import { verifyChain, type VerifyReport } from '../../modules/events/chain.ts';
import { listOrganizations } from '../../modules/users/users.service.ts';
import { withDeps } from '../context.ts';
import { EXIT_FAILURE } from '../errors.ts';
import type { Io } from '../io.ts';
import { resolveOrganization } from '../organization.ts';
import { progressLine } from '../progress.ts';

/** One line (two when broken) describing a verification. */
export function describeReport(organization: string, r: VerifyReport): string[] {
  const unsealed = r.unsealed > 0 ? `; ${r.unsealed} event(s) not sealed yet` : '';
  if (r.ok) return [`Audit chain of "${organization}": OK, ${r.checked} event(s) verified${unsealed}`];
  const at = r.firstBreak ? `at event ${r.firstBreak.seq}${r.firstBreak.eventId !== null ? ` (id ${r.firstBreak.eventId})` : ''}` : '';
  return [`Audit chain of "${organization}": BROKEN ${at}: ${r.firstBreak?.reason ?? 'unknown reason'}`, `  ${r.checked} event(s) verified before the break${unsealed}`];
}

async function verifyOne(io: Io, deps: Deps, org: OrganizationDto): Promise<boolean> {
  // Seal what is pending first, so the chain covers every committed event.
  await deps.sealer.flush(org.id);
  const line = progressLine(io);
  const report = await verifyChain(deps.db, org.id, (checked) => line.update(`verifying "${org.name}": ${checked} events…`));
  line.done();
  for (const l of describeReport(org.name, report)) io.out(l);
  return report.ok;
}

async function verify(io: Io, opts: { org?: string; all?: boolean }): Promise<void> {
  await withDeps(async (deps) => {
    const orgs = opts.all ? await listOrganizations(deps) : [await resolveOrganization(deps, opts.org)];
    let ok = true;
    for (const org of orgs) ok = (await verifyOne(io, deps, org)) && ok;
    if (!ok) io.setExitCode(EXIT_FAILURE);
  });
}

export function registerAudit(program: Command, io: Io): void {
  const audit = program.command('audit').description('Check the tamper-evident audit trail');
  audit
    .command('verify')
    .description('Seal pending events, then walk the hash chain of the event log and report the first break (exit code 1 if broken)')
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .option('--all', 'verify every organization')
    .action((opts: { org?: string; all?: boolean }) => verify(io, opts));
}
