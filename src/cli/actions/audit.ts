import type { OrganizationDto } from '../../contract/users.ts';
import type { Deps } from '../../modules/context.ts';
import { verifyChain } from '../../modules/events/chain.ts';
import { listOrganizations } from '../../modules/users/users.service.ts';
import { withDeps } from '../context.ts';
import { EXIT_FAILURE } from '../errors.ts';
import type { Io } from '../io.ts';
import { resolveOrganization } from '../organization.ts';
import { progressLine } from '../progress.ts';
import { describeReport } from '../report.ts';

async function verifyOne(io: Io, deps: Deps, org: OrganizationDto): Promise<boolean> {
  // Seal what is pending first, so the chain covers every committed event.
  await deps.sealer.flush(org.id);
  const line = progressLine(io);
  const report = await verifyChain(deps.db, org.id, (checked) =>
    line.update(`verifying "${org.name}": ${checked} events…`),
  );
  line.done();
  for (const l of describeReport(org.name, report)) io.out(l);
  return report.ok;
}

export async function verifyAuditTrail(io: Io, opts: { org?: string; all?: boolean }): Promise<void> {
  await withDeps(async (deps) => {
    const orgs = opts.all ? await listOrganizations(deps) : [await resolveOrganization(deps, opts.org)];
    let ok = true;
    for (const org of orgs) ok = (await verifyOne(io, deps, org)) && ok;
    if (!ok) io.setExitCode(EXIT_FAILURE);
  });
}
