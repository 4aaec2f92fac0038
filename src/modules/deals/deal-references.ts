import { inScope, scopeFor, type Actor } from '../../contract/access.ts';
import { partnerAccountTypes } from '../../contract/accounts.ts';
import type { ContactRoleInput, LineItemInput } from '../../contract/deals.ts';
import type { FieldProblem } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import { onVisibleBooking, onVisibleDeal } from '../access.ts';
import { accountRow } from '../accounts/accounts.service.ts';
import { inPartnerProgramme } from '../channel/programme.service.ts';
import { productRows } from '../products/products.service.ts';
import { getContacts, type NewLineItemRow } from './deals.repository.ts';

export interface ChannelChoice {
  channel: 'direct' | 'partner';
  partnerAccountId: string | null;
  problems: FieldProblem[];
}

/**
 * The channel and partner account a deal ends up with. A partner's deal is always their own
 * registration. A direct deal has no partner account: partners see deals by that column, so a
 * stray value would show a direct deal to a partner.
 */
export function chooseChannel(
  actor: Actor,
  input: { channel?: 'direct' | 'partner' | undefined; partnerAccountId?: string | null | undefined },
  before: { channel: string; partner_account_id: string | null } | null,
): ChannelChoice {
  const problems: FieldProblem[] = [];
  if (actor.role === 'partner') {
    if (input.channel === 'direct')
      problems.push({ field: 'channel', message: 'deals registered by a partner are partner deals' });
    if (input.partnerAccountId !== undefined && input.partnerAccountId !== actor.partnerAccountId)
      problems.push({
        field: 'partnerAccountId',
        message: 'a partner registers deals for their own partner account only',
      });
    return { channel: 'partner', partnerAccountId: actor.partnerAccountId, problems };
  }
  const channel =
    input.channel ??
    (input.partnerAccountId ? 'partner' : ((before?.channel as ChannelChoice['channel'] | undefined) ?? 'direct'));
  if (channel === 'direct') {
    if (input.partnerAccountId)
      problems.push({
        field: 'partnerAccountId',
        message: 'only partner deals have a partner account; set channel to partner',
      });
    return { channel, partnerAccountId: null, problems };
  }
  const partnerAccountId =
    input.partnerAccountId !== undefined ? input.partnerAccountId : (before?.partner_account_id ?? null);
  if (!partnerAccountId) problems.push({ field: 'partnerAccountId', message: 'is required for a partner deal' });
  return { channel, partnerAccountId, problems };
}

export interface ReferenceCheck {
  accountId?: string | null | undefined;
  primaryContactId?: string | null | undefined;
  contactRoles?: readonly ContactRoleInput[] | undefined;
  partnerAccountId?: string | null | undefined;
}

/**
 * Checks the records a deal points to. Only references new to the deal are checked: the account
 * and contacts must exist in the organization and be visible to the actor (both reported the same
 * way, so the answer does not reveal records the actor may not see); the partner account must be
 * an account of a partner type.
 */
export async function checkReferences(
  trx: DbExecutor,
  actor: Actor,
  refs: ReferenceCheck,
  known: { contactIds: ReadonlySet<string> } = { contactIds: new Set() },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (refs.accountId) {
    const acc = await accountRow(trx, actor.orgId, refs.accountId);
    const visible =
      acc !== undefined &&
      (inScope(scopeFor(actor, 'account', 'read'), { ownerId: acc.owner_id }) ||
        (await onVisibleDeal(trx, actor, 'account', acc)) ||
        (await onVisibleBooking(trx, actor, 'account', acc)));
    if (!visible) problems.push({ field: 'accountId', message: 'is not an account you can see in this organization' });
  }
  const wanted: { field: string; id: string }[] = [];
  if (refs.primaryContactId && !known.contactIds.has(refs.primaryContactId))
    wanted.push({ field: 'primaryContactId', id: refs.primaryContactId });
  const seen = new Set<string>();
  refs.contactRoles?.forEach((r, i) => {
    const key = `${r.contactId}/${r.role}`;
    if (seen.has(key)) problems.push({ field: `contactRoles.${i}`, message: 'repeats a contact with the same role' });
    seen.add(key);
    if (!known.contactIds.has(r.contactId)) wanted.push({ field: `contactRoles.${i}.contactId`, id: r.contactId });
  });
  if (wanted.length) {
    const scope = scopeFor(actor, 'contact', 'read');
    const rows = await getContacts(
      trx,
      actor.orgId,
      wanted.map((w) => w.id),
    );
    const visible = new Set<string>();
    for (const c of rows)
      if (
        inScope(scope, { ownerId: c.owner_id }) ||
        (await onVisibleDeal(trx, actor, 'contact', c)) ||
        (await onVisibleBooking(trx, actor, 'contact', c))
      )
        visible.add(c.id);
    for (const w of wanted)
      if (!visible.has(w.id))
        problems.push({ field: w.field, message: 'is not a contact you can see in this organization' });
  }
  if (refs.partnerAccountId) {
    const acc = await accountRow(trx, actor.orgId, refs.partnerAccountId);
    if (!acc) problems.push({ field: 'partnerAccountId', message: 'is not an account of this organization' });
    else if (!partnerAccountTypes.includes(acc.type) && !(await inPartnerProgramme(trx, actor.orgId, acc.id)))
      problems.push({
        field: 'partnerAccountId',
        message: `must be an account of type ${partnerAccountTypes.join(', ')} or in the partner programme (it is ${acc.type})`,
      });
  }
  return problems;
}

/**
 * Turns line inputs into rows: products must exist in the organization and be active (a product
 * already on the deal may stay after it was deactivated); the unit price defaults to the list
 * price when the product is priced in the deal's currency.
 */
export async function resolveLineItems(
  trx: DbExecutor,
  orgId: string,
  dealId: string,
  currency: string,
  items: readonly LineItemInput[],
  opts: { keepProductIds: ReadonlySet<string>; newId: () => string },
): Promise<{ rows: NewLineItemRow[]; problems: FieldProblem[] }> {
  const products = new Map(
    (
      await productRows(
        trx,
        orgId,
        items.map((i) => i.productId),
      )
    ).map((p) => [p.id, p]),
  );
  const problems: FieldProblem[] = [];
  const rows = items.flatMap((item, i): NewLineItemRow[] => {
    const p = products.get(item.productId);
    if (!p) {
      problems.push({ field: `lineItems.${i}.productId`, message: 'is not a product of this organization' });
      return [];
    }
    if (!p.active && !opts.keepProductIds.has(p.id))
      problems.push({ field: `lineItems.${i}.productId`, message: 'is an inactive product' });
    const productCurrency = p.currency.trim();
    if (item.unitPrice === undefined && productCurrency !== currency) {
      problems.push({
        field: `lineItems.${i}.unitPrice`,
        message: `is required: the product is priced in ${productCurrency}, the deal in ${currency}`,
      });
    }
    return [
      {
        org_id: orgId,
        id: opts.newId(),
        deal_id: dealId,
        product_id: p.id,
        position: i,
        quantity: item.quantity,
        unit_price: item.unitPrice ?? p.list_price,
        discount_percent: item.discountPercent ?? '0',
      },
    ];
  });
  return { rows, problems };
}
