import type { CreatePipelineInput } from '../../contract/pipelines.ts';
import type { OrganizationDto, SetupInput, UserDto } from '../../contract/users.ts';
import { write, type Deps } from '../context.ts';
import { insertPipelineTx } from '../pipelines/pipelines.service.ts';
import {
  insertOrganizationTx,
  organizationWithAdmin,
  prepareOrganization,
  type CreateOrganizationOptions,
} from '../users/users.service.ts';

/** The pipeline a new organization starts with, so deals can be created at once; editable later. */
export const starterPipeline: CreatePipelineInput = {
  name: 'Sales',
  description: 'Starter pipeline: rename, reorder or replace its stages to match your process.',
  enforceStageOrder: false,
  isDefault: true,
  stages: [
    { name: 'Qualify', kind: 'open', probability: 10, expectedDays: 7 },
    { name: 'Discovery', kind: 'open', probability: 25, expectedDays: 14 },
    {
      name: 'Proposal',
      kind: 'open',
      probability: 50,
      forecastCategory: 'best_case',
      expectedDays: 14,
      requiredFields: ['amount', 'expectedCloseDate'],
    },
    { name: 'Negotiation', kind: 'open', probability: 75, forecastCategory: 'commit', expectedDays: 10 },
    { name: 'Won', kind: 'won' },
    { name: 'Lost', kind: 'lost' },
  ],
};

/**
 * A new organization ready to work in: the organization, its admin and a starter pipeline (used by
 * first-run set-up, the first start of the server and `org create`), in one transaction: a failure
 * at any step leaves no organization behind.
 */
export async function setUpOrganization(
  deps: Deps,
  input: SetupInput,
  opts: CreateOrganizationOptions = {},
): Promise<{ organization: OrganizationDto; admin: UserDto }> {
  const org = await prepareOrganization(deps, input);
  await write(deps, org.orgId, async (trx) => {
    const admin = await insertOrganizationTx(trx, deps, org, opts);
    await insertPipelineTx(trx, deps, admin, starterPipeline);
  });
  return organizationWithAdmin(deps, org);
}
