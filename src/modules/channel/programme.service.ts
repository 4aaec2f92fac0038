import { camelChanges, camelSnapshot } from '../../contract/events/casing.ts';
import type { Updateable } from 'kysely';
import {
  canConfigureChannel,
  canLinkResellers,
  canReadConflicts,
  canReadResellerLink,
  type Actor,
} from '../../contract/access.ts';
import type {
  ChannelSettingsDto,
  ConflictPolicy,
  CreatePartnerTierInput,
  PartnerDto,
  PartnerTierDto,
  ResellerLinkDto,
  SetPartnerInput,
  UpdateChannelSettingsInput,
  UpdatePartnerTierInput,
} from '../../contract/channel.ts';
import { forbidden, invalid, notFound, type FieldProblem } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { PartnerTiersTable } from '../../db/schema-channel.ts';
import { diffFields } from '../../domain/event-hash.ts';
import { accountRow, baseCurrency } from '../accounts/accounts.service.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, type ExpectedVersion } from '../shared.ts';
import * as repo from './channel.repository.ts';
import { rescheduleEscalations } from './registration-escalation-schedule.ts';

/** Protection of an approved registration when its partner has no tier. */
export const DEFAULT_PROTECTION_DAYS = 90;

export function toTierDto(r: repo.TierRow): PartnerTierDto {
  return {
    id: r.id,
    name: r.name,
    rank: r.rank,
    discountPercent: r.discount_percent,
    protectionDays: r.protection_days,
    developmentFunds: r.development_funds,
    currency: r.currency,
    leadCapacity: r.lead_capacity,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

function toPartnerDto(r: repo.PartnerRow): PartnerDto {
  return {
    accountId: r.account_id,
    name: r.name,
    domain: r.domain,
    partnerType: r.partner_type as PartnerDto['partnerType'],
    tierId: r.tier_id,
    tierName: r.tier_name,
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

const tierFields = [
  'name',
  'rank',
  'discount_percent',
  'protection_days',
  'development_funds',
  'currency',
  'lead_capacity',
] as const;
const tierSnapshot = (r: repo.TierRow) => Object.fromEntries(tierFields.map((f) => [f, r[f]]));

function assertConfigure(actor: Actor): void {
  if (!canConfigureChannel(actor)) throw forbidden('Only admins configure the partner programme');
}

function assertReadProgramme(actor: Actor): void {
  if (!canReadConflicts(actor)) throw forbidden('Your role cannot read the partner programme');
}

async function assertTierNameFree(trx: DbExecutor, orgId: string, name: string, id: string): Promise<void> {
  if (await repo.tierNameTaken(trx, orgId, name, id))
    throw invalid([{ field: 'name', message: 'another tier has this name' }]);
}

export async function listTiers(deps: Deps, actor: Actor): Promise<PartnerTierDto[]> {
  assertReadProgramme(actor);
  return (await repo.listTiers(deps.db, actor.orgId)).map(toTierDto);
}

export async function createTier(deps: Deps, actor: Actor, input: CreatePartnerTierInput): Promise<PartnerTierDto> {
  assertConfigure(actor);
  const id = deps.ids.id();
  const now = deps.clock.now();
  const row = await write(deps, actor.orgId, async (trx) => {
    await assertTierNameFree(trx, actor.orgId, input.name, id);
    const inserted = await repo.insertTier(trx, {
      org_id: actor.orgId,
      id,
      name: input.name,
      rank: input.rank ?? 0,
      discount_percent: input.discountPercent ?? '0',
      protection_days: input.protectionDays,
      development_funds: input.developmentFunds ?? '0',
      currency: input.currency ?? (await baseCurrency(trx, actor.orgId)),
      lead_capacity: input.leadCapacity ?? null,
      created_at: now,
      updated_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'partner_tier',
        entityId: id,
        type: 'partner_tier.created',
        data: { after: camelSnapshot(tierSnapshot(inserted)) },
      },
    ]);
    return inserted;
  });
  return toTierDto(row);
}

export async function updateTier(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdatePartnerTierInput,
): Promise<PartnerTierDto> {
  assertConfigure(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.getTier(trx, actor.orgId, id, true), 'partner tier', id);
    const version = checkVersion('partner tier', id, before.version, expected);
    if (input.name !== undefined) await assertTierNameFree(trx, actor.orgId, input.name, id);
    const patch: Updateable<PartnerTiersTable> = { updated_at: deps.clock.now() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.rank !== undefined) patch.rank = input.rank;
    if (input.discountPercent !== undefined) patch.discount_percent = input.discountPercent;
    if (input.protectionDays !== undefined) patch.protection_days = input.protectionDays;
    if (input.developmentFunds !== undefined) patch.development_funds = input.developmentFunds;
    if (input.currency !== undefined) patch.currency = input.currency;
    if (input.leadCapacity !== undefined) patch.lead_capacity = input.leadCapacity;
    const after = await repo.updateTier(trx, actor.orgId, id, version, patch);
    const changes = camelChanges(diffFields(tierSnapshot(before), tierSnapshot(after), tierFields));
    if (Object.keys(changes).length > 0)
      await deps.eventLog.append(trx, actor, [
        { entityType: 'partner_tier', entityId: id, type: 'partner_tier.updated', data: { changes } },
      ]);
    return after;
  });
  return toTierDto(row);
}

export async function listPartners(deps: Deps, actor: Actor): Promise<PartnerDto[]> {
  assertReadProgramme(actor);
  return (await repo.listPartners(deps.db, actor.orgId)).map(toPartnerDto);
}

/** The partner profile of an account, or not_found when the account is not in the programme. */
export async function getPartner(deps: Deps, actor: Actor, accountId: string): Promise<PartnerDto> {
  if (!canReadConflicts(actor) && actor.partnerAccountId !== accountId)
    throw forbidden('Your role cannot read the partner programme');
  return toPartnerDto(found(await repo.getPartner(deps.db, actor.orgId, accountId), 'partner', accountId));
}

/** Puts an account in the programme, or changes its partner type or tier. */
export async function setPartner(
  deps: Deps,
  actor: Actor,
  accountId: string,
  input: SetPartnerInput,
): Promise<PartnerDto> {
  assertConfigure(actor);
  await write(deps, actor.orgId, async (trx) => {
    const account = await accountRow(trx, actor.orgId, accountId);
    if (!account || account.deleted_at) throw notFound('account', accountId);
    const tierId = input.tierId;
    if (tierId && !(await repo.getTier(trx, actor.orgId, tierId)))
      throw invalid([{ field: 'tierId', message: 'is not a tier of this organization' }]);
    await setPartnerIn(deps, trx, actor, accountId, input);
  });
  return getPartner(deps, actor, accountId);
}

/**
 * Sets the partner profile of a live account of the organization inside the caller's transaction
 * (the tier, when given, one of its tiers): `account.partner_programme_set` when anything changes.
 * Returns whether it did. The import of partner accounts writes through it (`imported`: the event
 * is flagged imported, at the business time of the file when it has one).
 */
export async function setPartnerIn(
  deps: Deps,
  trx: DbExecutor,
  actor: Actor,
  accountId: string,
  input: SetPartnerInput,
  imported?: { businessTime: Date | null },
): Promise<boolean> {
  assertConfigure(actor);
  const before = await repo.lockProfile(trx, actor.orgId, accountId);
  const tierId = input.tierId !== undefined ? input.tierId : (before?.tier_id ?? null);
  if (before?.partner_type === input.partnerType && before.tier_id === tierId) return false;
  const now = deps.clock.now();
  await repo.upsertProfile(trx, {
    org_id: actor.orgId,
    account_id: accountId,
    partner_type: input.partnerType,
    tier_id: tierId,
    created_at: now,
    updated_at: now,
  });
  await deps.eventLog.append(trx, actor, [
    {
      entityType: 'account',
      entityId: accountId,
      type: 'account.partner_programme_set',
      data: {
        partnerType: { from: before?.partner_type ?? null, to: input.partnerType },
        tierId: { from: before?.tier_id ?? null, to: tierId },
      },
      ...(imported ? { businessTime: imported.businessTime, imported: true } : {}),
    },
  ]);
  return true;
}

const toSettingsDto = (r: repo.SettingsRow | undefined): ChannelSettingsDto => ({
  conflictPolicy: (r?.conflict_policy ?? 'first_to_register') as ConflictPolicy,
  approvalSlaDays: r?.approval_sla_days ?? 2,
  version: r?.version ?? 0,
});

/** The organisation's conflict policy and approval SLA (the defaults until an admin sets them). */
export async function channelSettings(db: DbExecutor, orgId: string): Promise<ChannelSettingsDto> {
  return toSettingsDto(await repo.getSettings(db, orgId));
}

export async function getChannelSettings(deps: Deps, actor: Actor): Promise<ChannelSettingsDto> {
  assertReadProgramme(actor);
  return channelSettings(deps.db, actor.orgId);
}

export async function updateChannelSettings(
  deps: Deps,
  actor: Actor,
  expected: ExpectedVersion | undefined,
  input: UpdateChannelSettingsInput,
): Promise<ChannelSettingsDto> {
  assertConfigure(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = toSettingsDto(await repo.getSettings(trx, actor.orgId, true));
    checkVersion('channel settings', actor.orgId, before.version, expected);
    const after = await repo.saveSettings(trx, {
      org_id: actor.orgId,
      conflict_policy: input.conflictPolicy ?? before.conflictPolicy,
      approval_sla_days: input.approvalSlaDays ?? before.approvalSlaDays,
      updated_at: deps.clock.now(),
    });
    const changes = camelChanges(
      diffFields(
        { conflict_policy: before.conflictPolicy, approval_sla_days: before.approvalSlaDays },
        { conflict_policy: after.conflict_policy, approval_sla_days: after.approval_sla_days },
        ['conflict_policy', 'approval_sla_days'],
      ),
    );
    if (after.approval_sla_days !== before.approvalSlaDays)
      await rescheduleEscalations(deps, trx, actor.orgId, after.approval_sla_days);
    if (Object.keys(changes).length > 0)
      await deps.eventLog.append(trx, actor, [
        {
          entityType: 'organization',
          entityId: actor.orgId,
          type: 'organization.channel_settings_changed',
          data: { changes },
        },
      ]);
    return after;
  });
  return toSettingsDto(row);
}

/** Protection days of a partner account: its tier's, else the default. */
export async function protectionDaysOf(db: DbExecutor, orgId: string, partnerAccountId: string): Promise<number> {
  const p = await repo.getPartner(db, orgId, partnerAccountId);
  return p?.protection_days ?? DEFAULT_PROTECTION_DAYS;
}

/** Whether an account is in the partner programme (whatever its account type). */
export async function inPartnerProgramme(db: DbExecutor, orgId: string, accountId: string): Promise<boolean> {
  return (await repo.getPartner(db, orgId, accountId)) !== undefined;
}

// ---- Two-tier distribution ----

/** The distributor–reseller links a role reads: channel managers and auditors all, a partner those it is on. */
export async function listResellerLinks(deps: Deps, actor: Actor): Promise<ResellerLinkDto[]> {
  if (actor.role === 'partner') {
    if (!actor.partnerAccountId) return [];
  } else if (!canReadConflicts(actor)) throw forbidden('Your role cannot read the partner programme');
  const rows = await repo.listResellerLinks(
    deps.db,
    actor.orgId,
    actor.role === 'partner' ? actor.partnerAccountId : null,
  );
  return rows
    .filter((r) =>
      canReadResellerLink(actor, {
        distributorAccountId: r.distributor_account_id,
        resellerAccountId: r.reseller_account_id,
      }),
    )
    .map(toLinkDto);
}

export const toLinkDto = (l: repo.ResellerLinkRow): ResellerLinkDto => ({
  distributorAccountId: l.distributor_account_id,
  distributorName: l.distributor_name,
  resellerAccountId: l.reseller_account_id,
  resellerName: l.reseller_name,
  createdAt: l.created_at.toISOString(),
});

/**
 * Records that a distributor serves a reseller (channel managers): the distributor must be a
 * partner of type distributor, the reseller a partner of another type. Linking twice changes nothing.
 */
export async function linkReseller(
  deps: Deps,
  actor: Actor,
  distributorAccountId: string,
  resellerAccountId: string,
): Promise<ResellerLinkDto> {
  if (!canLinkResellers(actor)) throw forbidden('Only channel managers set which resellers a distributor serves');
  await write(deps, actor.orgId, async (trx) => {
    const [distributor, reseller] = [
      await repo.getPartner(trx, actor.orgId, distributorAccountId),
      await repo.getPartner(trx, actor.orgId, resellerAccountId),
    ];
    const problems: FieldProblem[] = [];
    if (!distributor) problems.push({ field: 'id', message: 'is not a partner of the programme' });
    else if (distributor.partner_type !== 'distributor')
      problems.push({
        field: 'id',
        message: 'is not a distributor (its partner type is ' + distributor.partner_type + ')',
      });
    if (!reseller) problems.push({ field: 'resellerId', message: 'is not a partner of the programme' });
    else if (reseller.partner_type === 'distributor')
      problems.push({
        field: 'resellerId',
        message: 'is a distributor: a distributor serves resellers, not distributors',
      });
    if (problems.length) throw invalid(problems);
    const added = await repo.insertResellerLink(trx, {
      org_id: actor.orgId,
      distributor_account_id: distributorAccountId,
      reseller_account_id: resellerAccountId,
      created_by: actor.userId,
      created_at: deps.clock.now(),
    });
    if (added)
      await deps.eventLog.append(trx, actor, [
        {
          entityType: 'account',
          entityId: distributorAccountId,
          type: 'account.reseller_linked',
          data: { resellerAccountId },
        },
      ]);
  });
  const link = (await repo.listResellerLinks(deps.db, actor.orgId, distributorAccountId)).find(
    (l) => l.distributor_account_id === distributorAccountId && l.reseller_account_id === resellerAccountId,
  );
  return toLinkDto(found(link, 'reseller link', resellerAccountId));
}

/**
 * Records that a distributor no longer serves a reseller (channel managers). Registrations made
 * before keep the distributor they named.
 */
export async function unlinkReseller(
  deps: Deps,
  actor: Actor,
  distributorAccountId: string,
  resellerAccountId: string,
): Promise<void> {
  if (!canLinkResellers(actor)) throw forbidden('Only channel managers set which resellers a distributor serves');
  await write(deps, actor.orgId, async (trx) => {
    if (!(await repo.deleteResellerLink(trx, actor.orgId, distributorAccountId, resellerAccountId)))
      throw notFound('reseller link', resellerAccountId);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'account',
        entityId: distributorAccountId,
        type: 'account.reseller_unlinked',
        data: { resellerAccountId },
      },
    ]);
  });
}
