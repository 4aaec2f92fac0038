import {
  canConfigureChannel,
  canManageChannel,
  inScope,
  registrationScope,
  type Actor,
} from '../../contract/access.ts';
import { accountTypes, partnerAccountTypes } from '../../contract/accounts.ts';
import type { PartnerType } from '../../contract/channel.ts';
import { forbidden } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Value } from '../../domain/import-rows.ts';
import { insertAccountTx } from '../accounts/accounts.service.ts';
import {
  importRegistrationIn,
  recordImportedDecision,
  type ImportedDecision,
} from '../channel/registrations.service.ts';
import { setPartnerIn } from '../channel/programme.service.ts';
import { write, type Deps } from '../context.ts';
import type { BatchOutcome, BatchRow, ImportRun } from './import-batch.ts';
import * as lookups from './import-channel.repository.ts';
import type { RefAnswer } from './import-references.ts';

const text = (v: Value | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
type AccountType = (typeof accountTypes)[number];

const time = (v: Value | undefined): Date | undefined => (v instanceof Date ? v : undefined);

const emptyOutcome = (): BatchOutcome => ({
  inserted: 0,
  updated: 0,
  unchanged: 0,
  duplicates: 0,
  created: 0,
  generated: 0,
  pathUnknown: 0,
  noCreationDate: 0,
  rejects: [],
  actions: [],
});

/** Why a reference cell found no single record, or null when it did. */
function refProblem(field: string, what: string, value: string, answer: RefAnswer): string | null {
  if ('id' in answer) return null;
  if ('ambiguous' in answer) return `${field}: ${answer.ambiguous} ${what}s match "${value}"; use its external id`;
  return `${field}: no ${what} "${value}"`;
}

// ---- Partner accounts ----

/** An account to create for a partner the organization does not have yet (`--create-missing`). */
interface AccountToCreate {
  /** Stands for the account's id in the plans until it is created. */
  id: string;
  name: string;
  domain: string | null;
  externalId: string | null;
  type: AccountType;
}

interface PartnerPlan {
  line: number;
  cells: string[];
  accountId: string;
  partnerType: PartnerType;
  /** Undefined keeps the current tier. */
  tierId: string | undefined;
  businessTime: Date | null;
  isNew: boolean;
}

/** The account type an account created for a partner gets: the partner type where it is one, else `other`. */
const accountTypeOf = (t: PartnerType): AccountType => accountTypes.find((a) => a === t) ?? 'other';

/**
 * Imports one batch of partner accounts: each row names an account (by name, else by the
 * external id or domain of the row; created with `--create-missing`), its partner type and
 * optionally its tier by name. The partner profile is set through the channel service
 * (`account.partner_programme_set` when it changes; a re-import changing nothing writes nothing).
 * The programme is the admins' to configure. The batch is one transaction.
 */
export async function importPartnerBatch(
  deps: Deps,
  actor: Actor,
  run: ImportRun,
  rows: readonly BatchRow[],
  onCommit?: (trx: DbExecutor, outcome: BatchOutcome) => Promise<void>,
): Promise<BatchOutcome> {
  if (!canConfigureChannel(actor)) throw forbidden('Only admins import partner accounts');
  const out = emptyOutcome();
  const keyOf = (r: BatchRow) =>
    text(r.values.get('account')) ?? text(r.values.get('externalId')) ?? text(r.values.get('domain'));
  const wanted = new Set(
    rows.flatMap((r) => ['account', 'externalId', 'domain'].flatMap((f) => text(r.values.get(f)) ?? [])),
  );
  await run.resolver.prefetch(deps.db, new Map([['account', wanted]]));
  const tiers = await lookups.tiersByName(deps.db, actor.orgId);
  /** The account a row names: the first of its cells that finds one, a reason when one is ambiguous. */
  const accountOf = (r: BatchRow): string | { reason: string } | null => {
    for (const f of ['account', 'externalId', 'domain']) {
      const v = text(r.values.get(f));
      if (v === undefined) continue;
      const a = run.resolver.batched('account', v);
      if ('id' in a) return a.id;
      if ('ambiguous' in a) return { reason: refProblem(f, 'account', v, a) ?? '' };
    }
    return null;
  };
  const toCreate = new Map<string, AccountToCreate>();
  const plans: PartnerPlan[] = [];
  const found = rows.flatMap((r) => {
    const a = accountOf(r);
    return typeof a === 'string' ? [a] : [];
  });
  const stored = await lookups.partnersById(deps.db, actor.orgId, found);
  const seen = new Map<string, number>();
  for (const row of rows) {
    const reject = (reason: string) => out.rejects.push({ line: row.line, cells: row.cells, reason });
    const partnerType = text(row.values.get('partnerType')) as PartnerType;
    const tierName = text(row.values.get('tier'));
    const tierId = tierName === undefined ? undefined : tiers.get(tierName.toLowerCase());
    if (tierName !== undefined && tierId === undefined) {
      reject(`tier: no partner tier named "${tierName}" (tiers are set up on the Channel page)`);
      continue;
    }
    let accountId = accountOf(row);
    if (accountId !== null && typeof accountId !== 'string') {
      reject(accountId.reason);
      continue;
    }
    const name = text(row.values.get('account'));
    const key = (keyOf(row) ?? '').toLowerCase();
    if (accountId === null) {
      const earlier = toCreate.get(key);
      if (earlier) accountId = earlier.id;
      else if (!run.createMissing) {
        reject(`account: no account "${keyOf(row) ?? ''}" (--create-missing creates it)`);
        continue;
      } else if (name === undefined) {
        reject('account: a name is needed to create the account');
        continue;
      } else {
        accountId = deps.ids.id();
        toCreate.set(key, {
          id: accountId,
          name,
          domain: text(row.values.get('domain')) ?? null,
          externalId: text(row.values.get('externalId')) ?? null,
          type: accountTypeOf(partnerType),
        });
      }
    }
    const earlier = seen.get(accountId);
    if (earlier !== undefined) {
      out.duplicates++;
      reject(`duplicate: the account of line ${earlier} again`);
      continue;
    }
    seen.set(accountId, row.line);
    const before = stored.get(accountId);
    plans.push({
      line: row.line,
      cells: row.cells,
      accountId,
      partnerType,
      tierId,
      businessTime: time(row.values.get('createdAt')) ?? null,
      isNew: !before?.partnerType,
    });
  }
  const changes = (p: PartnerPlan) => {
    const before = stored.get(p.accountId);
    return !(before?.partnerType === p.partnerType && (p.tierId === undefined || before.tierId === p.tierId));
  };
  out.actions = plans.filter(changes).map((p) => ({ line: p.line, action: p.isNew ? 'insert' : 'update' }));
  const count = () => {
    for (const p of plans)
      if (!changes(p)) out.unchanged++;
      else if (p.isNew) out.inserted++;
      else out.updated++;
    out.created = toCreate.size;
  };
  if (run.dryRun) {
    count();
    return out;
  }
  await write(deps, actor.orgId, async (trx) => {
    const created = new Map<string, string>();
    for (const c of toCreate.values()) {
      const row = await insertAccountTx(trx, deps, actor, {
        name: c.name,
        type: c.type,
        ...(c.domain ? { domain: c.domain } : {}),
        ...(c.externalId ? { externalId: c.externalId } : {}),
      });
      created.set(c.id, row.id);
      run.resolver.learnAccount(row.id, [c.name, c.domain, c.externalId]);
    }
    for (const p of plans)
      await setPartnerIn(
        deps,
        trx,
        actor,
        created.get(p.accountId) ?? p.accountId,
        { partnerType: p.partnerType, ...(p.tierId !== undefined ? { tierId: p.tierId } : {}) },
        { businessTime: p.businessTime },
      );
    count();
    await onCommit?.(trx, out);
  });
  return out;
}

// ---- Deal registrations ----

interface RegistrationPlan {
  line: number;
  cells: string[];
  /** A new registration, or the decision a pending one of an earlier import now has. */
  write:
    | { kind: 'insert'; registration: Parameters<typeof importRegistrationIn>[3] }
    | { kind: 'decide'; stored: lookups.StoredRegistration; decision: ImportedDecision }
    | { kind: 'unchanged' };
}

/**
 * The decision of a row, or a reason it cannot be recorded: an approved or expired registration
 * was approved into a partner deal of its partner; a decision comes after the registration.
 */
function decisionOf(
  values: ReadonlyMap<string, Value>,
  registeredAt: Date,
  dealId: string | null,
): ImportedDecision | null | string {
  const status = text(values.get('status')) ?? 'pending';
  if (status === 'pending') return null;
  const decidedAt = time(values.get('decidedAt')) ?? registeredAt;
  if (decidedAt < registeredAt) return 'decidedAt: the decision is earlier than the registration';
  if (status === 'rejected') return { status, decidedAt, reason: text(values.get('reason')) ?? '' };
  if (!dealId) return `deal: an ${status} registration needs the deal it was approved into; import the deals first`;
  return { status: status === 'expired' ? 'expired' : 'approved', decidedAt, dealId };
}

/** Products named in a cell, separated by `;` (or by `,` when there is no `;`). */
const productNames = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(cell?.includes(';') ? ';' : ',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * Imports one batch of deal registrations through the registrations service: each new one is
 * submitted at its business time (the source's id on its event) with the conflicts a registration
 * made in the app gets, and its decision recorded at the time it was taken. A registration
 * imported before (same external id; without one, same partner, customer and registration time)
 * is not imported again: a decision the file has for one still pending is recorded, a decided one
 * stays as it is. Channel managers import them. The batch is one transaction.
 */
export async function importRegistrationBatch(
  deps: Deps,
  actor: Actor,
  run: ImportRun,
  rows: readonly BatchRow[],
  onCommit?: (trx: DbExecutor, outcome: BatchOutcome) => Promise<void>,
): Promise<BatchOutcome> {
  if (!canManageChannel(actor)) throw forbidden('Only channel managers import deal registrations');
  const out = emptyOutcome();
  const cells = (f: string) => new Set(rows.flatMap((r) => text(r.values.get(f)) ?? []));
  await run.resolver.prefetch(
    deps.db,
    new Map([
      ['account', cells('partner')],
      ['deal', cells('deal')],
      ['product', new Set(rows.flatMap((r) => productNames(text(r.values.get('products')))))],
    ]),
  );
  const resolve = (kind: 'account' | 'deal', v: string | undefined) =>
    v === undefined ? undefined : run.resolver.batched(kind, v);
  const partnerIds = rows.flatMap((r) => {
    const a = resolve('account', text(r.values.get('partner')));
    return a && 'id' in a ? [a.id] : [];
  });
  const dealIds = rows.flatMap((r) => {
    const a = resolve('deal', text(r.values.get('deal')));
    return a && 'id' in a ? [a.id] : [];
  });
  const partners = await lookups.partnersById(deps.db, actor.orgId, partnerIds);
  const dealPartners = await lookups.dealPartners(deps.db, actor.orgId, dealIds);
  const byExt = await lookups.registrationsByExternalId(
    deps.db,
    actor.orgId,
    rows.flatMap((r) => text(r.values.get('externalId')) ?? []),
  );
  const now = deps.clock.now();
  const registeredAtOf = (v: ReadonlyMap<string, Value>) =>
    time(v.get('registeredAt')) ?? time(v.get('createdAt')) ?? now;
  const byKey = await lookups.registrationsByKey(
    deps.db,
    actor.orgId,
    rows.flatMap((r) => {
      const p = resolve('account', text(r.values.get('partner')));
      const name = text(r.values.get('customerName'));
      return r.values.has('externalId') || !p || !('id' in p) || !name
        ? []
        : [{ partnerAccountId: p.id, customerName: name, registeredAt: registeredAtOf(r.values) }];
    }),
  );
  const plans: RegistrationPlan[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const v = row.values;
    const reject = (reason: string) => out.rejects.push({ line: row.line, cells: row.cells, reason });
    const partnerCell = text(v.get('partner')) ?? '';
    const partnerRef = resolve('account', partnerCell) ?? { missing: true as const };
    const partnerProblem = refProblem('partner', 'account', partnerCell, partnerRef);
    if (partnerProblem || !('id' in partnerRef)) {
      reject(partnerProblem ?? 'partner: is required');
      continue;
    }
    const partner = partners.get(partnerRef.id);
    if (!partner || (!partner.partnerType && !partnerAccountTypes.includes(partner.type))) {
      reject(`partner: the account "${partnerCell}" is not a partner; import it as a partner first`);
      continue;
    }
    if (!inScope(registrationScope(actor, 'write'), { ownerId: null, partnerAccountId: partner.id })) {
      reject('partner: you may not import registrations of this partner');
      continue;
    }
    const dealCell = text(v.get('deal'));
    let dealId: string | null = null;
    if (dealCell !== undefined) {
      const ref = resolve('deal', dealCell) ?? { missing: true as const };
      const problem = refProblem('deal', 'deal', dealCell, ref);
      if (problem || !('id' in ref)) {
        reject(problem ?? 'deal: not found');
        continue;
      }
      if (dealPartners.get(ref.id) !== partner.id) {
        reject(`deal: "${dealCell}" is not a partner deal of the registering partner`);
        continue;
      }
      dealId = ref.id;
    }
    const productIds: string[] = [];
    const productProblems: string[] = [];
    for (const name of productNames(text(v.get('products')))) {
      const ref = run.resolver.batched('product', name);
      const problem = refProblem('products', 'product', name, ref);
      if (problem || !('id' in ref)) productProblems.push(problem ?? `products: no product "${name}"`);
      else if (!productIds.includes(ref.id)) productIds.push(ref.id);
    }
    if (productProblems.length > 0) {
      reject(productProblems.join('; '));
      continue;
    }
    const registeredAt = registeredAtOf(v);
    const decision = decisionOf(v, registeredAt, dealId);
    if (typeof decision === 'string') {
      reject(decision);
      continue;
    }
    const customerName = text(v.get('customerName')) ?? '';
    const ext = text(v.get('externalId')) ?? null;
    const key = ext !== null ? `ext:${ext}` : lookups.registrationKey(partner.id, customerName, registeredAt);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      out.duplicates++;
      reject(
        ext !== null
          ? `duplicate: repeats external id "${ext}" of line ${earlier}`
          : `duplicate: the registration of line ${earlier} again`,
      );
      continue;
    }
    seen.set(key, row.line);
    const stored = ext !== null ? byExt.get(ext) : byKey.get(key);
    if (stored) {
      plans.push({
        line: row.line,
        cells: row.cells,
        write: stored.status === 'pending' && decision ? { kind: 'decide', stored, decision } : { kind: 'unchanged' },
      });
      continue;
    }
    const money = v.get('amount');
    const amount = money && typeof money === 'object' && 'amount' in money ? money : null;
    plans.push({
      line: row.line,
      cells: row.cells,
      write: {
        kind: 'insert',
        registration: {
          externalId: ext,
          partnerAccountId: partner.id,
          customerName,
          customerDomain: text(v.get('customerDomain')) ?? null,
          productIds,
          amount: amount?.amount ?? null,
          currency: text(v.get('currency')) ?? amount?.currency ?? run.baseCurrency,
          expectedCloseDate: text(v.get('expectedCloseDate')) ?? null,
          notes: text(v.get('notes')) ?? null,
          dealId,
          registeredAt,
          decision,
        },
      },
    });
  }
  out.actions = plans.flatMap((p) =>
    p.write.kind === 'unchanged' ? [] : [{ line: p.line, action: p.write.kind === 'insert' ? 'insert' : 'update' }],
  );
  const count = () => {
    for (const p of plans)
      if (p.write.kind === 'insert') out.inserted++;
      else if (p.write.kind === 'decide') out.updated++;
      else out.unchanged++;
  };
  if (run.dryRun) {
    count();
    return out;
  }
  await write(deps, actor.orgId, async (trx) => {
    for (const p of plans) {
      if (p.write.kind === 'insert') await importRegistrationIn(deps, trx, actor, p.write.registration);
      else if (p.write.kind === 'decide') {
        const { stored, decision } = p.write;
        await recordImportedDecision(deps, trx, actor, stored.id, stored.version, stored.registeredAt, decision);
      }
    }
    count();
    await onCommit?.(trx, out);
  });
  return out;
}
