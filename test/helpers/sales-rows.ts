import { randomUUID } from 'node:crypto';
import type { Deps } from '../../src/modules/context.ts';

/*
 * Minimal rows of records owned by other modules (pipelines, deals, contacts, leads, products),
 * inserted directly so activity, objection and script tests do not depend on those modules.
 */

const now = () => new Date('2026-01-05T09:00:00.000Z');

export async function insertPipeline(
  deps: Deps,
  orgId: string,
  stageCount = 2,
): Promise<{ pipelineId: string; stageIds: string[] }> {
  const pipelineId = randomUUID();
  await deps.db
    .insertInto('pipelines')
    .values({
      org_id: orgId,
      id: pipelineId,
      name: `Pipeline ${pipelineId.slice(0, 8)}`,
      description: null,
      enforce_stage_order: false,
      is_default: false,
      active: true,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  const stageIds = Array.from({ length: stageCount }, () => randomUUID());
  await deps.db
    .insertInto('stages')
    .values(
      stageIds.map((id, i) => ({
        org_id: orgId,
        id,
        pipeline_id: pipelineId,
        name: `Stage ${i + 1}`,
        position: i + 1,
        probability: 10 * (i + 1),
        forecast_category: 'pipeline',
        kind: 'open',
        expected_days: null,
        required_fields: '[]',
      })),
    )
    .execute();
  return { pipelineId, stageIds };
}

export async function insertDeal(
  deps: Deps,
  orgId: string,
  opts: { ownerId: string | null; pipelineId?: string; stageId?: string; deleted?: boolean },
): Promise<string> {
  let pipelineId = opts.pipelineId;
  let stageId = opts.stageId;
  if (!pipelineId || !stageId) {
    const p = await insertPipeline(deps, orgId, 1);
    pipelineId = p.pipelineId;
    stageId = p.stageIds[0]!;
  }
  const id = randomUUID();
  await deps.db
    .insertInto('deals')
    .values({
      org_id: orgId,
      id,
      external_id: null,
      name: `Deal ${id.slice(0, 8)}`,
      account_id: null,
      primary_contact_id: null,
      pipeline_id: pipelineId,
      stage_id: stageId,
      status: 'open',
      amount: '1000.00',
      currency: 'USD',
      expected_close_date: null,
      closed_at: null,
      owner_id: opts.ownerId,
      source: null,
      channel: 'direct',
      partner_account_id: null,
      lost_reason: null,
      next_step: null,
      stage_entered_at: now(),
      created_by: null,
      created_at: now(),
      updated_at: now(),
      deleted_at: opts.deleted ? now() : null,
    })
    .execute();
  return id;
}

export async function insertContact(
  deps: Deps,
  orgId: string,
  opts: { ownerId: string | null; deleted?: boolean },
): Promise<string> {
  const id = randomUUID();
  await deps.db
    .insertInto('contacts')
    .values({
      org_id: orgId,
      id,
      external_id: null,
      account_id: null,
      first_name: 'Casey',
      last_name: `Contact ${id.slice(0, 8)}`,
      title: null,
      emails: '[]',
      phones: '[]',
      owner_id: opts.ownerId,
      do_not_contact: false,
      email_opt_out: false,
      created_by: null,
      created_at: now(),
      updated_at: now(),
      deleted_at: opts.deleted ? now() : null,
    })
    .execute();
  return id;
}

export async function insertLead(deps: Deps, orgId: string, opts: { ownerId: string | null }): Promise<string> {
  const id = randomUUID();
  await deps.db
    .insertInto('leads')
    .values({
      org_id: orgId,
      id,
      external_id: null,
      first_name: 'Lee',
      last_name: `Lead ${id.slice(0, 8)}`,
      email: null,
      phone: null,
      title: null,
      company: null,
      company_domain: null,
      industry: null,
      source: null,
      campaign_id: null,
      status: 'new',
      disqualified_reason: null,
      owner_id: opts.ownerId,
      converted_at: null,
      converted_account_id: null,
      converted_contact_id: null,
      converted_deal_id: null,
      created_by: null,
      created_at: now(),
      updated_at: now(),
      deleted_at: null,
    })
    .execute();
  return id;
}

export async function insertProduct(deps: Deps, orgId: string): Promise<string> {
  const id = randomUUID();
  await deps.db
    .insertInto('products')
    .values({
      org_id: orgId,
      id,
      external_id: null,
      sku: `SKU-${id.slice(0, 8)}`,
      name: 'Widget',
      family: null,
      description: null,
      list_price: '99.00',
      currency: 'USD',
      active: true,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return id;
}
