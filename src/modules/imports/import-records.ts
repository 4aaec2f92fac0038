import type { ImportEntity, RefKind } from '../../contract/import-fields.ts';
import { fieldOf } from '../../contract/import-fields.ts';
import type { Value } from '../../domain/import-rows.ts';
import type { RefAnswer, ReferenceResolver } from './import-references.ts';
import type { StageKey } from './import-lookups.repository.ts';

/** A row ready to be written: the columns it sets (snake_case, as stored) and what its events need. */
export interface PlannedRecord {
  line: number;
  /** The id the record gets when it is new (given at planning, so later lines may refer to it). */
  id: string;
  /** Fields the import made up for this row (a SKU from the name, a placeholder email). */
  generated?: string[];
  /** Accounts: the id of an account an earlier batch created for a missing reference to this one, which this row fills. */
  adopts?: string;
  cells: string[];
  externalId: string | null;
  columns: Record<string, unknown>;
  /** The historical creation time from the file, if any. */
  createdAt: Date | null;
  /** Deals: the stages they went through (first open stage, then the closing stage). */
  history?: {
    firstStage: StageKey;
    finalStage: StageKey;
    closedAt: Date | null;
    /**
     * The file does not say how the deal got where it is: it closed (the stages between its first
     * and its closing one are unknown) or it is open in a later stage than the pipeline's first.
     */
    pathUnknown: boolean;
  };
  lineItem?: { productId: string; unitPrice: string };
  probe: { name: string | null; email: string | null; domain: string | null; accountId: string | null };
}

export interface PlanContext {
  entity: ImportEntity;
  resolver: ReferenceResolver;
  stageMap: ReadonlyMap<string, string>;
  userMap: ReadonlyMap<string, string>;
  createMissing: boolean;
  missingEmail: 'reject' | 'placeholder';
  baseCurrency: string;
  /** Names of missing accounts and products to create (value → placeholder id), filled while planning. */
  toCreate: Map<
    string,
    { kind: 'account' | 'product'; value: string; id: string; currency: string; listPrice: string }
  >;
  newId: () => string;
}

/** What a product created for a missing reference costs: the unit price of the row that named it (else nothing), in its currency. */
export const createdPrice = (c: { currency: string; listPrice: string }) => ({
  listPrice: c.listPrice,
  currency: c.currency,
});

export type PlanResult = { ok: true; record: PlannedRecord } | { ok: false; reason: string };

const str = (v: Value | undefined): string | null => (typeof v === 'string' ? v : null);
const date = (v: Value | undefined): Date | null => (v instanceof Date ? v : null);
const money = (v: Value | undefined): { amount: string; currency: string | null } | null =>
  v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
    ? v
    : typeof v === 'string'
      ? { amount: v, currency: null }
      : null;

function describe(kind: RefKind, value: string, a: RefAnswer): string {
  if ('ambiguous' in a) return `"${value}" matches ${a.ambiguous} ${kind}s; use the external id`;
  const how: Record<RefKind, string> = {
    user: 'a user (by name, email or external id)',
    account: 'an account (by name, domain or external id)',
    contact: 'a contact (by email, external id or full name)',
    lead: 'a lead (by email or external id)',
    deal: 'a deal (by external id or name)',
    product: 'a product (by name, SKU or external id)',
    pipeline: 'a pipeline',
    stage: 'a stage',
    team: 'a team',
  };
  return `"${value}" is not ${how[kind]}`;
}

/**
 * Resolves the reference fields of a row; collects every problem. Missing accounts and products
 * are planned for creation when `createMissing` is set (users, stages and the rest never are:
 * they carry rights or process design that a CSV cannot decide).
 */
function resolveRefs(
  ctx: PlanContext,
  values: ReadonlyMap<string, Value>,
  currency: string,
  problems: string[],
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [name, v] of values) {
    const f = fieldOf(ctx.entity, name);
    if (!f || f.kind !== 'ref' || !f.ref || typeof v !== 'string') continue;
    if (f.ref === 'pipeline' || f.ref === 'stage') continue;
    const kind = f.ref;
    const answer =
      kind === 'user'
        ? ctx.resolver.user(ctx.userMap.get(v.toLowerCase()) ?? v)
        : kind === 'team'
          ? ctx.resolver.team(v)
          : ctx.resolver.batched(kind, v);
    if ('id' in answer) {
      ids.set(name, answer.id);
      continue;
    }
    if ('missing' in answer && ctx.createMissing && (kind === 'account' || kind === 'product')) {
      const key = `${kind}:${v.toLowerCase()}`;
      let planned = ctx.toCreate.get(key);
      if (!planned) {
        planned = {
          kind,
          value: v,
          id: ctx.newId(),
          currency,
          listPrice: money(values.get('unitPrice'))?.amount ?? '0.00',
        };
        ctx.toCreate.set(key, planned);
        // Later rows of this batch price their line items as this row does.
        if (kind === 'product') ctx.resolver.remember(kind, v, planned.id, createdPrice(planned));
      }
      ids.set(name, planned.id);
      continue;
    }
    problems.push(
      `${name}: ${describe(kind, v, answer)}${'missing' in answer && (kind === 'account' || kind === 'product') ? ' (or let the import create missing accounts and products)' : ''}`,
    );
  }
  return ids;
}

function stageFor(
  ctx: PlanContext,
  pipelineId: string,
  values: ReadonlyMap<string, Value>,
  problems: string[],
): { first: StageKey; final: StageKey } | null {
  const stages = ctx.resolver.stagesOf(pipelineId);
  const first = stages.find((s) => s.kind === 'open');
  const raw = str(values.get('stage'));
  const status = str(values.get('status'));
  let final: StageKey | undefined;
  if (raw !== null) {
    const wanted = ctx.stageMap.get(raw.toLowerCase()) ?? raw;
    final = stages.find((s) => s.name.toLowerCase() === wanted.toLowerCase() || s.id === wanted);
    if (!final) {
      problems.push(
        `stage: "${raw}" is not a stage of the pipeline (its stages: ${stages.map((s) => s.name).join(', ')}; map other names with --stage-map "${raw}=Stage")`,
      );
      return null;
    }
    if (status !== null && status !== final.kind)
      problems.push(`status: "${status}" contradicts stage "${final.name}" (a ${final.kind} stage)`);
  } else {
    final = status === null ? first : stages.find((s) => s.kind === status);
  }
  if (!first || !final) {
    problems.push('stage: the pipeline has no stage for this deal');
    return null;
  }
  return { first, final };
}

const EMPTY_PROBE = { name: null, email: null, domain: null, accountId: null };

/** Turns converted values into the columns of the entity's table, or the reasons the row cannot be imported. */
export function planRecord(
  ctx: PlanContext,
  line: number,
  cells: string[],
  values: ReadonlyMap<string, Value>,
): PlanResult {
  const problems: string[] = [];
  const moneyValue = money(values.get('amount') ?? values.get('annualRevenue') ?? values.get('listPrice'));
  const currency =
    str(values.get('currency')) ?? str(values.get('revenueCurrency')) ?? moneyValue?.currency ?? ctx.baseCurrency;
  if (moneyValue?.currency && moneyValue.currency !== currency)
    problems.push(`currency: the amount is in ${moneyValue.currency}, the currency column says ${currency}`);
  const ids = resolveRefs(ctx, values, currency, problems);
  const externalId = str(values.get('externalId'));
  const createdAt = date(values.get('createdAt'));
  const s = (k: string) => str(values.get(k));
  const id = (k: string) => ids.get(k) ?? null;
  const base = { line, id: ctx.newId(), cells, externalId, createdAt };
  const generated: string[] = [];
  let record: PlannedRecord | null = null;
  switch (ctx.entity) {
    case 'accounts':
      record = {
        ...base,
        columns: {
          name: s('name'),
          domain: s('domain'),
          industry: s('industry'),
          employees: values.get('employees') ?? null,
          annual_revenue: moneyValue?.amount ?? null,
          revenue_currency: moneyValue ? currency : s('revenueCurrency'),
          street: s('street'),
          city: s('city'),
          region: s('region'),
          postal_code: s('postalCode'),
          country: s('country'),
          type: s('type') ?? 'prospect',
          owner_id: id('owner'),
          parent_account_id: id('parentAccount'),
        },
        // "Initech Asia" under its parent "Initech" is not a copy of it, however alike the names.
        probe: { ...EMPTY_PROBE, name: s('name'), domain: s('domain'), accountId: id('parentAccount') },
      };
      break;
    case 'contacts': {
      const emails = (values.get('emails') as string[] | undefined) ?? [];
      record = {
        ...base,
        columns: {
          first_name: s('firstName'),
          last_name: s('lastName'),
          title: s('title'),
          emails: JSON.stringify(emails),
          phones: JSON.stringify(values.get('phones') ?? []),
          account_id: id('account'),
          owner_id: id('owner'),
          do_not_contact: values.get('doNotContact') ?? false,
          email_opt_out: values.get('emailOptOut') ?? false,
        },
        probe: {
          ...EMPTY_PROBE,
          name: `${s('firstName') ?? ''} ${s('lastName') ?? ''}`,
          email: emails[0]?.toLowerCase() ?? null,
          accountId: id('account'),
        },
      };
      break;
    }
    case 'leads':
      record = {
        ...base,
        columns: {
          first_name: s('firstName'),
          last_name: s('lastName'),
          email: s('email'),
          phone: s('phone'),
          title: s('title'),
          company: s('company'),
          company_domain: s('companyDomain'),
          industry: s('industry'),
          source: s('source'),
          status: s('status') ?? 'new',
          disqualified_reason: s('disqualifiedReason'),
          owner_id: id('owner'),
        },
        probe: {
          ...EMPTY_PROBE,
          name: `${s('firstName') ?? ''} ${s('lastName') ?? ''} ${s('company') ?? ''}`,
          email: s('email')?.toLowerCase() ?? null,
        },
      };
      break;
    case 'products': {
      let sku = s('sku');
      if (sku === null) {
        sku = ctx.resolver.skuFor(s('name') ?? '');
        if (sku === null)
          problems.push(
            `sku: missing, and another product of the file is named "${s('name') ?? ''}": give each of them a SKU`,
          );
        else generated.push('sku');
      }
      record = {
        ...base,
        columns: {
          sku,
          name: s('name'),
          family: s('family'),
          description: s('description'),
          list_price: moneyValue?.amount ?? null,
          currency,
          active: values.get('active') ?? true,
        },
        probe: { ...EMPTY_PROBE, name: sku?.toLowerCase() ?? null },
      };
      break;
    }
    case 'users': {
      let email = s('email');
      if (email === null && ctx.missingEmail === 'placeholder') {
        email = ctx.resolver.placeholderEmail(s('name') ?? '');
        generated.push('email');
      }
      if (email === null)
        problems.push(
          'email: missing (every user needs one; or give users without an address a generated placeholder with --missing-email placeholder)',
        );
      record = {
        ...base,
        columns: {
          email,
          name: s('name'),
          role: s('role') ?? 'rep',
          team_id: id('team'),
          manager_id: id('manager'),
          // Imported people cannot sign in until an admin invites them (activates them with a password).
          active: false,
          password_hash: null,
        },
        probe: { ...EMPTY_PROBE, email: email?.toLowerCase() ?? null },
      };
      if (s('role') === 'partner') problems.push('role: partner users need a partner account; create them one by one');
      break;
    }
    case 'teams':
      record = {
        ...base,
        columns: { name: s('name'), kind: s('kind') ?? 'other', manager_id: id('manager') },
        probe: { ...EMPTY_PROBE, name: s('name')?.toLowerCase() ?? null },
      };
      break;
    case 'activities': {
      const type = s('type');
      const direction = s('direction');
      record = {
        ...base,
        columns: {
          type,
          subject: s('subject'),
          body: s('body'),
          deal_id: id('deal'),
          contact_id: id('contact'),
          account_id: id('account'),
          lead_id: id('lead'),
          owner_id: id('owner'),
          occurred_at: date(values.get('occurredAt')) ?? date(values.get('start')) ?? createdAt,
          due_at: date(values.get('dueAt')),
          completed_at: date(values.get('completedAt')),
          call_direction: type === 'call' ? direction : null,
          call_disposition: type === 'call' ? s('disposition') : null,
          duration_seconds: values.get('durationSeconds') ?? null,
          meeting_start: type === 'meeting' ? date(values.get('start')) : null,
          meeting_end: type === 'meeting' ? date(values.get('end')) : null,
          location: s('location'),
          email_direction: type === 'email' ? direction : null,
        },
        probe: EMPTY_PROBE,
      };
      if (type === 'call' && (!direction || !s('disposition'))) problems.push('a call needs direction and disposition');
      if (type === 'email' && !direction) problems.push('an email needs direction');
      break;
    }
    case 'deals':
      record = planDeal(ctx, base, values, ids, currency, moneyValue?.amount ?? null, problems);
      break;
    case 'touches':
    case 'partners':
    case 'registrations':
      // Not records of their own table: importTouchBatch writes touches through the marketing
      // service, importPartnerBatch and importRegistrationBatch the rest through the channel services.
      throw new Error(`${ctx.entity} are not imported as records`);
  }
  if (problems.length > 0 || !record) return { ok: false, reason: problems.join('; ') };
  if (generated.length > 0) record.generated = generated;
  return { ok: true, record };
}

function planDeal(
  ctx: PlanContext,
  base: Pick<PlannedRecord, 'line' | 'id' | 'cells' | 'externalId' | 'createdAt'>,
  values: ReadonlyMap<string, Value>,
  ids: ReadonlyMap<string, string>,
  currency: string,
  amount: string | null,
  problems: string[],
): PlannedRecord | null {
  const pipeline = ctx.resolver.pipeline(str(values.get('pipeline')) ?? undefined);
  if (!('id' in pipeline)) {
    problems.push(
      `pipeline: ${values.has('pipeline') ? `"${str(values.get('pipeline')) ?? ''}" is not an active pipeline` : 'the organization has no pipeline'}`,
    );
    return null;
  }
  const stages = stageFor(ctx, pipeline.id, values, problems);
  if (!stages) return null;
  const closed = stages.final.kind !== 'open';
  const closeDate = str(values.get('closeDate'));
  const closedAt = closed
    ? (date(values.get('closedAt')) ?? (closeDate ? new Date(`${closeDate}T00:00:00.000Z`) : null))
    : null;
  if (closed && !closedAt) problems.push(`closedAt: a ${stages.final.kind} deal needs its close date`);
  const createdAt = base.createdAt;
  if (closedAt && createdAt && closedAt < createdAt)
    problems.push(`closedAt (${closedAt.toISOString()}) is before createdAt (${createdAt.toISOString()})`);
  const partner = ids.get('partner') ?? null;
  const channel = str(values.get('channel')) ?? (partner ? 'partner' : 'direct');
  if (channel === 'direct' && partner)
    problems.push('partner: only partner deals have a partner account (channel is direct)');
  // Exports that identify deals only by an id (no name column) name them by it.
  const name = str(values.get('name')) ?? base.externalId;
  if (name === null) problems.push('name: missing (a deal needs a name, or an external id to be named by)');
  const productId = ids.get('product');
  let lineItem: PlannedRecord['lineItem'];
  if (productId) {
    const price = ctx.resolver.productPrices.get(productId);
    const unitPrice =
      amount ??
      money(values.get('unitPrice'))?.amount ??
      (price && price.currency === currency ? price.listPrice : null);
    if (unitPrice === null)
      problems.push(`product: give an amount (the product is priced in ${price?.currency ?? 'another currency'})`);
    else lineItem = { productId, unitPrice };
  }
  return {
    ...base,
    columns: {
      name,
      account_id: ids.get('account') ?? null,
      primary_contact_id: ids.get('contact') ?? null,
      pipeline_id: pipeline.id,
      stage_id: stages.final.id,
      status: stages.final.kind,
      amount,
      currency,
      expected_close_date: str(values.get('expectedCloseDate')) ?? (closed ? null : closeDate),
      closed_at: closedAt,
      owner_id: ids.get('owner') ?? null,
      source: str(values.get('source')),
      channel,
      partner_account_id: channel === 'partner' ? partner : null,
      lost_reason: stages.final.kind === 'lost' ? str(values.get('lostReason')) : null,
      next_step: str(values.get('nextStep')),
    },
    history: {
      firstStage: closed ? stages.first : stages.final,
      finalStage: stages.final,
      closedAt,
      pathUnknown: closed || stages.final.id !== stages.first.id,
    },
    ...(lineItem ? { lineItem } : {}),
    probe: { ...EMPTY_PROBE, name, accountId: ids.get('account') ?? null },
  };
}
