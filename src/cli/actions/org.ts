import { setupSchema } from '../../contract/users.ts';
import { setUpOrganization } from '../../modules/organizations/set-up-organization.ts';
import { listOrganizations } from '../../modules/users/users.service.ts';
import { withDeps } from '../context.ts';
import { parseInput, withOptionNames, type OptionNames } from '../input.ts';
import type { Io } from '../io.ts';
import { generatePassword } from '../password.ts';
import { formatTable } from '../table.ts';

const optionNames: OptionNames = {
  'organization.name': '--name',
  'organization.baseCurrency': '--currency',
  'organization.timezone': '--timezone',
  'organization.fiscalYearStartMonth': '--fiscal-year-start',
  'admin.email': '--email',
  'admin.name': '--admin-name',
  'admin.password': '--password',
};

export interface CreateOrgOptions {
  name: string;
  email: string;
  adminName: string;
  password?: string;
  currency: string;
  timezone: string;
  fiscalYearStart: number;
}

export async function createOrg(io: Io, opts: CreateOrgOptions): Promise<void> {
  const password = opts.password ?? generatePassword();
  const input = parseInput(
    setupSchema,
    {
      organization: {
        name: opts.name,
        baseCurrency: opts.currency,
        timezone: opts.timezone,
        fiscalYearStartMonth: opts.fiscalYearStart,
      },
      admin: { email: opts.email, name: opts.adminName, password },
    },
    optionNames,
  );
  await withDeps(async (deps) => {
    const { organization, admin } = await withOptionNames(optionNames, () => setUpOrganization(deps, input));
    io.out(`Created organization "${organization.name}" (${organization.id})`);
    io.out(`  administrator: ${admin.email}`);
    if (!opts.password) io.out(`  password:      ${password}   (generated; shown only this once)`);
  });
}

export async function listOrgs(io: Io, opts: { json?: boolean }): Promise<void> {
  await withDeps(async (deps) => {
    const orgs = await listOrganizations(deps);
    if (opts.json) {
      io.out(JSON.stringify(orgs, null, 2));
      return;
    }
    if (orgs.length === 0) {
      io.out('No organizations yet: create one with `pipewright org create`.');
      return;
    }
    const rows = orgs.map((o) => [o.id, o.name, o.baseCurrency, o.timezone, o.createdAt.slice(0, 10)]);
    for (const line of formatTable(['ID', 'NAME', 'CURRENCY', 'TIMEZONE', 'CREATED'], rows)) io.out(line);
  });
}
