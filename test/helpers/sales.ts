import { randomBytes } from 'node:crypto';
import type { Actor } from '../../src/contract/access.ts';
import type { PipelineDto } from '../../src/contract/pipelines.ts';
import type { ProductDto } from '../../src/contract/products.ts';
import type { CreatePipelineInput } from '../../src/contract/pipelines.ts';
import { createAccount } from '../../src/modules/accounts/accounts.service.ts';
import type { Deps } from '../../src/modules/context.ts';
import { createPipeline } from '../../src/modules/pipelines/pipelines.service.ts';
import { createProduct } from '../../src/modules/products/products.service.ts';

const uniq = () => randomBytes(4).toString('hex');

/** Qualify → Discovery → Proposal (needs amount, close date, lines) → Negotiation → Won (needs account) / Lost. */
export const standardStages: CreatePipelineInput['stages'] = [
  { name: 'Qualify', kind: 'open', probability: 10, expectedDays: 7 },
  { name: 'Discovery', kind: 'open', probability: 25 },
  {
    name: 'Proposal',
    kind: 'open',
    probability: 50,
    forecastCategory: 'best_case',
    requiredFields: ['amount', 'expectedCloseDate', 'lineItems'],
  },
  { name: 'Negotiation', kind: 'open', probability: 80, forecastCategory: 'commit' },
  { name: 'Won', kind: 'won', requiredFields: ['accountId'] },
  { name: 'Lost', kind: 'lost' },
];

export async function createTestPipeline(
  deps: Deps,
  admin: Actor,
  opts: Partial<CreatePipelineInput> = {},
): Promise<PipelineDto & { stage: (name: string) => string }> {
  const p = await createPipeline(deps, admin, { name: `Pipeline ${uniq()}`, stages: standardStages, ...opts });
  return {
    ...p,
    stage(name: string) {
      const s = p.stages.find((x) => x.name === name);
      if (!s) throw new Error(`no stage ${name}`);
      return s.id;
    },
  };
}

export async function createTestProduct(
  deps: Deps,
  admin: Actor,
  opts: { listPrice?: string; currency?: string; name?: string } = {},
): Promise<ProductDto> {
  return createProduct(deps, admin, {
    sku: `SKU-${uniq()}`,
    name: opts.name ?? `Product ${uniq()}`,
    listPrice: opts.listPrice ?? '19.99',
    ...(opts.currency ? { currency: opts.currency } : {}),
  });
}

/** A partner company account (type reseller by default) owned by `admin`. */
export async function createPartnerAccount(
  deps: Deps,
  admin: Actor,
  type: 'reseller' | 'distributor' | 'customer' = 'reseller',
) {
  return createAccount(deps, admin, { name: `Partner ${uniq()}`, type });
}
