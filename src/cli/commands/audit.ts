import type { Command } from 'commander';
import type { Io } from '../io.ts';

export function registerAudit(program: Command, io: Io): void {
  const audit = program.command('audit').description('Check the tamper-evident audit trail');
  audit
    .command('verify')
    .description(
      'Seal pending events, then walk the hash chain of the event log and report the first break (exit code 1 if broken)',
    )
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .option('--all', 'verify every organization')
    .action(async (opts: { org?: string; all?: boolean }) =>
      (await import('../actions/audit.ts')).verifyAuditTrail(io, opts),
    );
}
