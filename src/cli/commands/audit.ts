import type { Command } from 'commander';
import type { AuditExportOptions } from '../actions/audit-bundle.ts';
import type { Io } from '../io.ts';

export function registerAudit(program: Command, io: Io): void {
  const audit = program.command('audit').description('Check the tamper-evident audit trail');
  audit
    .command('verify')
    .description(
      'Seal pending events, then walk the hash chain of the event log and report the first break (exit code 1 if broken); with --bundle, check an exported audit bundle offline instead (no database)',
    )
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .option('--all', 'verify every organization')
    .option('--bundle <file>', 'an audit bundle written by `pipewright audit export`, checked without a database')
    .action(async (opts: { org?: string; all?: boolean; bundle?: string }) => {
      if (opts.bundle !== undefined) {
        await (await import('../actions/audit-bundle.ts')).verifyAuditBundle(io, { bundle: opts.bundle });
        return;
      }
      await (await import('../actions/audit.ts')).verifyAuditTrail(io, opts);
    });
  audit
    .command('export')
    .description(
      "Write a period's events with the chain proof (the hash of the last event before the period and the chain through it) as an audit bundle",
    )
    .requiredOption('--from <date or date-time>', 'start of the period, system time, inclusive (a date is 00:00 UTC)')
    .requiredOption('--to <date or date-time>', 'end of the period, exclusive')
    .option('--out <file>', 'file to write (default: standard output); written whole or not at all')
    .option('--force', 'overwrite the --out file if it exists')
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .action(async (opts: AuditExportOptions) =>
      (await import('../actions/audit-bundle.ts')).exportAuditBundle(io, opts),
    );
}
