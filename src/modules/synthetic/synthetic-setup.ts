import type { Actor } from '../../contract/access.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { actorForUser } from '../auth/auth.service.ts';
import type { Deps } from '../context.ts';
import * as data from '../demo/demo-data.ts';
import { createObjection } from '../objections/objections.service.ts';
import { createCampaign } from '../marketing/campaigns.service.ts';
import { createPipeline } from '../pipelines/pipelines.service.ts';
import { createProduct } from '../products/products.service.ts';
import { createOrganization, createTeam, createUser, updateTeam } from '../users/users.service.ts';
import type { MarketingParams, PipelineKey, StageParams, SyntheticParams } from './synthetic-params.ts';

export interface WorldStage extends StageParams {
  id: string;
  position: number;
}

export interface WorldPipeline {
  key: PipelineKey;
  id: string;
  name: string;
  enforce: boolean;
  open: WorldStage[];
  won: WorldStage;
  lost: WorldStage;
}

/** The organization's reference data: made through the services, it is small and its events are ordinary. */
/** A campaign of the parameters as created, with what its touches copy from it. */
export interface WorldCampaign {
  id: string;
  currency: string;
  spec: MarketingParams['campaigns'][number];
  utm: {
    utmSource: string | null;
    utmMedium: string | null;
    utmCampaign: string | null;
    utmContent: null;
    utmTerm: null;
  };
}

/** The organization's calendar: its days are UTC days, its fiscal year starts in January. */
export const SYNTHETIC_CALENDAR = { timezone: 'UTC', fiscalYearStartMonth: 1 } as const;

export interface SyntheticWorld {
  orgId: string;
  admin: Actor;
  /** The marketing lead: owns the campaigns, records their touches and costs. */
  marketer: string;
  /** The channel lead: decides on registrations and resolves channel conflicts. */
  channelLead: string;
  campaigns: WorldCampaign[];
  /** The managers of the selling teams. */
  managers: { field: string; inside: string; channel: string };
  fieldReps: string[];
  insideSales: string[];
  channelReps: string[];
  pipelines: Record<PipelineKey, WorldPipeline>;
  products: { id: string; listPrice: string; currency: string }[];
  objections: { id: string; category: string; response: string | null }[];
  /** The partners partner deals go to (the programme's, once it is set up). */
  partnerAccounts: { id: string; name: string }[];
  users: { email: string; name: string; role: string }[];
}

export const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'org';

/** Sellers for a volume of deals: `perTenThousand` per 10,000 deals, at least one. */
const headcount = (perTenThousand: number, deals: number) => Math.max(1, Math.round((perTenThousand * deals) / 10_000));

/**
 * Creates the organization with its teams (management, inside sales, field sales, channel,
 * marketing), managers and sellers sized to the number of deals, the catalogue, the objection
 * library, the three pipelines of the parameters and the partner accounts. Only the admin and the
 * managers get the password; sellers are many and sign in only if an admin sets theirs.
 */
export async function setUpSyntheticWorld(
  deps: Deps,
  opts: { name: string; password: string; deals: number; params: SyntheticParams },
): Promise<SyntheticWorld> {
  const email = (local: string) => `${local}@${slugOf(opts.name)}.example`;
  const { organization, admin: adminUser } = await createOrganization(deps, {
    organization: { name: opts.name, baseCurrency: 'USD', ...SYNTHETIC_CALENDAR },
    admin: { email: email('admin'), name: 'Avery Admin', password: opts.password },
  });
  const orgId = organization.id;
  const admin = await actorForUser(deps, orgId, adminUser.id);
  const users: SyntheticWorld['users'] = [{ email: adminUser.email, name: adminUser.name, role: 'admin' }];
  const team = async (name: string, kind: 'inside_sales' | 'field_sales' | 'marketing' | 'channel' | 'management') =>
    (await createTeam(deps, admin, { name, kind })).id;
  const person = async (
    local: string,
    name: string,
    role: Actor['role'],
    teamId: string | null,
    managerId: string | null,
    signIn: boolean,
    partnerAccountId: string | null = null,
  ) => {
    const u = await createUser(deps, admin, {
      email: email(local),
      name,
      role,
      teamId,
      managerId,
      partnerAccountId,
      ...(signIn ? { password: opts.password } : {}),
    });
    if (signIn) users.push({ email: u.email, name: u.name, role });
    return u.id;
  };
  const teams = {
    management: await team('Management', 'management'),
    inside: await team('Inside sales', 'inside_sales'),
    field: await team('Field sales', 'field_sales'),
    channel: await team('Channel', 'channel'),
    marketing: await team('Marketing', 'marketing'),
  };
  const director = await person('director', 'Morgan Director', 'manager', teams.management, null, true);
  const leads = {
    field: await person('field-lead', 'Fatima Field-Lead', 'manager', teams.field, director, true),
    inside: await person('inside-lead', 'Ivan Inside-Lead', 'manager', teams.inside, director, true),
    channel: await person('channel-lead', 'Chris Channel-Lead', 'manager', teams.channel, director, true),
    marketing: await person('marketing-lead', 'Maya Marketing', 'marketing', teams.marketing, director, true),
  };
  for (const [teamId, managerId] of [
    [teams.management, director],
    [teams.field, leads.field],
    [teams.inside, leads.inside],
    [teams.channel, leads.channel],
    [teams.marketing, leads.marketing],
  ] as const) {
    await updateTeam(deps, admin, teamId, '*', { managerId });
  }
  await person('auditor', 'Otto Auditor', 'auditor', null, null, true);
  const staff = async (prefix: string, count: number, role: Actor['role'], teamId: string, managerId: string) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const first = data.firstNames[i % data.firstNames.length] ?? 'Sam';
      const last = data.lastNames[Math.floor(i / data.firstNames.length) % data.lastNames.length] ?? 'Seller';
      ids.push(
        await person(`${prefix}${i + 1}`, `${first} ${last} (${prefix}${i + 1})`, role, teamId, managerId, false),
      );
    }
    return ids;
  };
  const s = opts.params.staffing;
  const fieldReps = await staff('field', headcount(s.fieldReps, opts.deals), 'rep', teams.field, leads.field);
  const insideSales = await staff(
    'sdr',
    headcount(s.insideSales, opts.deals),
    'inside_sales',
    teams.inside,
    leads.inside,
  );
  const channelReps = await staff('channel', headcount(s.channelReps, opts.deals), 'rep', teams.channel, leads.channel);

  const products = [];
  for (const p of data.products) {
    const created = await createProduct(deps, admin, { ...p, currency: 'USD', active: true });
    products.push({ id: created.id, listPrice: created.listPrice, currency: created.currency });
  }
  const objections = [];
  for (const o of data.objectionLibrary) {
    const created = await createObjection(deps, admin, {
      ...o,
      recommendedResponses: [...o.recommendedResponses],
      active: true,
    });
    objections.push({ id: created.id, category: created.category, response: created.recommendedResponses[0] ?? null });
  }
  const pipelines = {} as Record<PipelineKey, WorldPipeline>;
  for (const key of ['b2b', 'b2c', 'partner'] as const) {
    const spec = opts.params.pipelines[key];
    const created = await createPipeline(deps, admin, {
      name: spec.name,
      description: spec.description,
      enforceStageOrder: spec.enforceStageOrder,
      isDefault: key === 'b2b',
      stages: spec.stages.map((st) => ({
        name: st.name,
        kind: st.kind,
        ...(st.probability !== undefined ? { probability: st.probability } : {}),
        ...(st.forecastCategory ? { forecastCategory: st.forecastCategory } : {}),
        ...(st.expectedDays !== undefined ? { expectedDays: st.expectedDays } : {}),
        ...(st.requiredFields ? { requiredFields: st.requiredFields as never } : {}),
      })),
    });
    const stages: WorldStage[] = created.stages.map((st, i) => ({
      ...(spec.stages[i] as StageParams),
      id: st.id,
      position: st.position,
    }));
    const won = stages.find((st) => st.kind === 'won');
    const lost = stages.find((st) => st.kind === 'lost');
    if (!won || !lost) throw new Error(`pipeline ${spec.name} needs a won and a lost stage`);
    pipelines[key] = {
      key,
      id: created.id,
      name: created.name,
      enforce: created.enforceStageOrder,
      open: stages.filter((st) => st.kind === 'open'),
      won,
      lost,
    };
  }
  const channelLead = await actorForUser(deps, orgId, leads.channel);
  const partnerAccounts = [];
  const kinds = ['distributor', 'reseller', 'value_added_reseller', 'agency'] as const;
  for (let i = 0; i < s.partners; i++) {
    const stem = data.companyStems[(40 + i) % data.companyStems.length] ?? 'Partner';
    const acc = await createAccount(deps, channelLead, {
      name: `${stem} ${['Distribution', 'Resellers', 'Solutions', 'Agency'][i % 4] ?? 'Partners'} ${i + 1}`,
      type: kinds[i % 4],
      industry: 'Software',
      ownerId: leads.channel,
    });
    partnerAccounts.push({ id: acc.id, name: acc.name });
  }
  const marketer = await actorForUser(deps, orgId, leads.marketing);
  const campaigns: WorldCampaign[] = [];
  const startDate = deps.clock.now().toISOString().slice(0, 10);
  for (const spec of opts.params.marketing.campaigns) {
    const utm = {
      utmSource: spec.channel,
      utmMedium: spec.type,
      utmCampaign: slugOf(spec.name),
      utmContent: null,
      utmTerm: null,
    };
    const created = await createCampaign(deps, marketer, {
      name: spec.name,
      type: spec.type,
      channel: spec.channel,
      status: 'active',
      startDate,
      ...utm,
    });
    campaigns.push({ id: created.id, currency: created.currency, spec, utm });
  }
  const firstPartner = partnerAccounts[0];
  if (firstPartner) await person('partner', 'Pat Partner', 'partner', null, null, true, firstPartner.id);
  return {
    orgId,
    admin,
    marketer: leads.marketing,
    channelLead: leads.channel,
    campaigns,
    managers: { field: leads.field, inside: leads.inside, channel: leads.channel },
    fieldReps,
    insideSales,
    channelReps,
    pipelines,
    products,
    objections,
    partnerAccounts,
    users,
  };
}
