import { camelSnapshot } from '../../contract/events/casing.ts';
import type { DealDto, LineItemDto } from '../../contract/deals.ts';
import { lineNetTotal, sumMoney } from '../../contract/money.ts';
import type { DealGateFacts } from '../../contract/stage-rules.ts';
import type { DealContactRow, DealRecordRow, DealRow, LineItemRow } from './deals.repository.ts';

/** A deal row with its child rows, as the service loads and writes them together. */
export interface DealRecord {
  deal: DealRow;
  lines: readonly LineItemRow[];
  roles: readonly DealContactRow[];
  /** Two-tier: the distributors the deal's registrations name (absent: none loaded, as for a new deal). */
  distributors?: readonly string[];
}

/** Splits a deal read with its children (`getDealRecord`, `listDeals`) into a record. */
export function recordOf(row: DealRecordRow): DealRecord {
  const { line_items: lines, contact_roles: roles, distributor_account_ids: distributors, ...deal } = row;
  return { deal, lines, roles, distributors };
}

export function toLineItemDto(l: LineItemRow): LineItemDto {
  return {
    id: l.id,
    productId: l.product_id,
    position: l.position,
    quantity: l.quantity,
    unitPrice: l.unit_price,
    discountPercent: l.discount_percent,
    netTotal: lineNetTotal(l.quantity, l.unit_price, l.discount_percent),
  };
}

export function toDealDto({ deal: r, lines, roles, distributors }: DealRecord): DealDto {
  const lineItems = lines.map(toLineItemDto);
  return {
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    accountId: r.account_id,
    primaryContactId: r.primary_contact_id,
    contactRoles: roles.map((c) => ({
      contactId: c.contact_id,
      role: c.role as DealDto['contactRoles'][number]['role'],
    })),
    pipelineId: r.pipeline_id,
    stageId: r.stage_id,
    status: r.status as DealDto['status'],
    amount: r.amount,
    currency: r.currency.trim(),
    expectedCloseDate: r.expected_close_date,
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    ownerId: r.owner_id,
    source: r.source,
    channel: r.channel as DealDto['channel'],
    partnerAccountId: r.partner_account_id,
    distributorAccountId: distributors?.[0] ?? null,
    lostReason: r.lost_reason,
    nextStep: r.next_step,
    forecastCategory: r.forecast_category as DealDto['forecastCategory'],
    stageEnteredAt: r.stage_entered_at.toISOString(),
    lineItems,
    lineItemsTotal: sumMoney(lineItems.map((l) => l.netTotal)),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** Deal fields recorded in events (snake_case, as stored); stage and status have their own events. */
const auditFields = [
  'external_id',
  'name',
  'account_id',
  'primary_contact_id',
  'amount',
  'currency',
  'expected_close_date',
  'owner_id',
  'source',
  'channel',
  'partner_account_id',
  'lost_reason',
  'next_step',
] as const;

/** The deal as events record it, children included, so `deal.updated` shows line and role changes too. */
export function dealSnapshot(
  { deal, lines, roles }: DealRecord,
  opts: { withStage?: boolean } = {},
): Record<string, unknown> {
  const snap: Record<string, unknown> = Object.fromEntries(
    auditFields.map((f) => [f, f === 'currency' ? deal.currency.trim() : deal[f]]),
  );
  if (opts.withStage)
    Object.assign(snap, { pipeline_id: deal.pipeline_id, stage_id: deal.stage_id, status: deal.status });
  snap.line_items = lines.map((l) => ({
    product_id: l.product_id,
    quantity: l.quantity,
    unit_price: l.unit_price,
    discount_percent: l.discount_percent,
  }));
  snap.contact_roles = roles.map((c) => ({ contact_id: c.contact_id, role: c.role }));
  return camelSnapshot(snap);
}

/** What stage gates see of a deal. */
export function gateFacts(
  deal: Omit<DealRow, 'version'>,
  lines: readonly unknown[],
  roles: readonly unknown[],
): DealGateFacts {
  return {
    amount: deal.amount,
    expectedCloseDate: deal.expected_close_date,
    accountId: deal.account_id,
    primaryContactId: deal.primary_contact_id,
    nextStep: deal.next_step,
    lineItems: lines,
    contactRoles: roles,
    source: deal.source,
    partnerAccountId: deal.partner_account_id,
  };
}
