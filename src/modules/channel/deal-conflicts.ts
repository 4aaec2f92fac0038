import type { DbExecutor } from '../../db/database.ts';
import { accountRow } from '../accounts/accounts.service.ts';
import type { Deps } from '../context.ts';
import type { EventActor } from '../events/event-log.ts';
import { recordConflicts } from './conflicts.service.ts';

/** What conflict detection needs of a deal just created. */
export interface NewDeal {
  deal: {
    id: string;
    name: string;
    account_id: string | null;
    channel: string;
    partner_account_id: string | null;
    created_at: Date;
  };
  lines: readonly { product_id: string | null }[];
}

/**
 * Channel conflicts of a new direct deal: live registrations of partners for the same customer
 * (its account's name and domain, else the deal's name) and overlapping products. Partner deals
 * come from registrations, which are checked when they are registered.
 */
export async function recordDealConflicts(
  trx: DbExecutor,
  deps: Deps,
  actor: EventActor,
  record: NewDeal,
): Promise<number> {
  const { deal } = record;
  if (deal.channel !== 'direct') return 0;
  const account = deal.account_id ? await accountRow(trx, actor.orgId, deal.account_id) : undefined;
  return recordConflicts(trx, deps, actor, {
    kind: 'deal',
    id: deal.id,
    customerName: account?.name ?? deal.name,
    customerDomain: account?.domain ?? null,
    productIds: record.lines.flatMap((l) => (l.product_id ? [l.product_id] : [])),
    channel: 'direct',
    partnerAccountId: null,
    since: deal.created_at,
  });
}
