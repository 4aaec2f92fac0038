import { accountTypes } from './accounts.ts';
import { roles } from './access.ts';
import { activityTypes, callDispositions } from './activities.ts';
import { partnerTypes, registrationStatuses } from './channel.ts';
import { settableLeadStatuses } from './leads.ts';
import { campaignTypes, memberStatuses, touchKinds } from './marketing.ts';
import { teamKinds } from './users.ts';

export const importEntities = [
  'accounts',
  'contacts',
  'leads',
  'deals',
  'products',
  'activities',
  'users',
  'teams',
  'touches',
  'partners',
  'registrations',
] as const;
export type ImportEntity = (typeof importEntities)[number];

/**
 * What a role may import: admins everything; managers the records their people work on and the
 * deal registrations they decide on as channel managers (not the catalogue, users, teams, campaign
 * touches or the partner programme, which admins configure: canConfigureChannel); marketing the
 * touches of its campaigns (the roles that record touches, see canRecordTouches).
 */
export function importableEntities(role: string | undefined): ImportEntity[] {
  if (role === 'admin') return [...importEntities];
  if (role === 'manager')
    return importEntities.filter(
      (e) => e !== 'products' && e !== 'users' && e !== 'teams' && e !== 'touches' && e !== 'partners',
    );
  if (role === 'marketing') return ['touches'];
  return [];
}

/** What a reference column points to; resolved by the importer against the organization's records. */
export type RefKind = 'user' | 'account' | 'contact' | 'lead' | 'deal' | 'product' | 'pipeline' | 'stage' | 'team';

export type FieldKind =
  | 'text'
  | 'email'
  | 'emails'
  | 'phones'
  | 'domain'
  | 'money'
  | 'micros'
  | 'currency'
  | 'date'
  | 'datetime'
  | 'int'
  | 'bool'
  | 'choice'
  | 'ref';

export interface ImportField {
  /** As the API names the field (references by their record: `account`, `owner`). */
  name: string;
  kind: FieldKind;
  required?: boolean;
  max?: number;
  choices?: readonly string[];
  ref?: RefKind;
  /** Other header spellings recognised by the automatic mapping. */
  aliases?: readonly string[];
  /** Shown in the field list of the docs and the preview. */
  help?: string;
}

const externalId: ImportField = {
  name: 'externalId',
  kind: 'text',
  max: 200,
  aliases: ['id', 'external id', 'record id', 'source id'],
  help: 'the record id in the source system; re-imports update the record with the same external id',
};
const createdAt: ImportField = {
  name: 'createdAt',
  kind: 'datetime',
  aliases: ['created', 'created date', 'create date', 'date created', 'created on'],
  help: 'business time of the creation, recorded on the imported event',
};
const owner: ImportField = {
  name: 'owner',
  kind: 'ref',
  ref: 'user',
  aliases: ['owner name', 'owner email', 'assigned to', 'user'],
  help: 'user by name, email or external id',
};
const account: ImportField = {
  name: 'account',
  kind: 'ref',
  ref: 'account',
  aliases: ['account name', 'company', 'company name', 'organization', 'organisation'],
  help: 'account by name, domain or external id',
};

/** The fields each entity accepts, in the order of the docs. */
export const importFields: Record<ImportEntity, readonly ImportField[]> = {
  accounts: [
    externalId,
    {
      name: 'name',
      kind: 'text',
      required: true,
      max: 300,
      aliases: ['account name', 'company name', 'company', 'organization name'],
    },
    { name: 'domain', kind: 'domain', aliases: ['website', 'web site', 'url', 'company domain'] },
    { name: 'industry', kind: 'text', max: 200 },
    { name: 'employees', kind: 'int', aliases: ['number of employees', 'employee count', 'headcount'] },
    { name: 'annualRevenue', kind: 'money', aliases: ['annual revenue', 'revenue'] },
    { name: 'revenueCurrency', kind: 'currency', aliases: ['currency'] },
    { name: 'street', kind: 'text', max: 300, aliases: ['address', 'street address'] },
    { name: 'city', kind: 'text', max: 200 },
    { name: 'region', kind: 'text', max: 200, aliases: ['state', 'province', 'state/region'] },
    { name: 'postalCode', kind: 'text', max: 40, aliases: ['zip', 'zip code', 'postcode', 'postal code'] },
    { name: 'country', kind: 'text', max: 100 },
    { name: 'type', kind: 'choice', choices: accountTypes, aliases: ['account type'] },
    owner,
    { name: 'parentAccount', kind: 'ref', ref: 'account', aliases: ['parent', 'parent account', 'parent company'] },
    createdAt,
  ],
  contacts: [
    externalId,
    { name: 'firstName', kind: 'text', max: 200, aliases: ['first name', 'given name'] },
    {
      name: 'lastName',
      kind: 'text',
      max: 300,
      aliases: ['last name', 'surname', 'family name'],
      help: 'required unless `name` is given',
    },
    {
      name: 'name',
      kind: 'text',
      max: 500,
      aliases: ['full name', 'contact name'],
      help: 'full name, split at the last space when first and last name are not given',
    },
    { name: 'title', kind: 'text', max: 300, aliases: ['job title', 'position'] },
    {
      name: 'emails',
      kind: 'emails',
      aliases: ['email', 'e-mail', 'email address'],
      help: 'one or several separated by ; or ,',
    },
    {
      name: 'phones',
      kind: 'phones',
      aliases: ['phone', 'phone number', 'mobile', 'telephone'],
      help: 'one or several separated by ;',
    },
    account,
    owner,
    { name: 'doNotContact', kind: 'bool', aliases: ['do not contact', 'do not call'] },
    { name: 'emailOptOut', kind: 'bool', aliases: ['email opt out', 'unsubscribed'] },
    createdAt,
  ],
  leads: [
    externalId,
    { name: 'firstName', kind: 'text', max: 200, aliases: ['first name'] },
    {
      name: 'lastName',
      kind: 'text',
      max: 300,
      aliases: ['last name', 'surname'],
      help: 'required unless `name` is given',
    },
    { name: 'name', kind: 'text', max: 500, aliases: ['full name', 'lead name'] },
    { name: 'email', kind: 'email', aliases: ['e-mail', 'email address'] },
    { name: 'phone', kind: 'text', max: 40, aliases: ['phone number', 'mobile'] },
    { name: 'title', kind: 'text', max: 300, aliases: ['job title'] },
    { name: 'company', kind: 'text', max: 300, aliases: ['company name', 'organization'] },
    { name: 'companyDomain', kind: 'domain', aliases: ['website', 'company domain', 'domain'] },
    { name: 'industry', kind: 'text', max: 200 },
    { name: 'source', kind: 'text', max: 100, aliases: ['lead source'] },
    { name: 'status', kind: 'choice', choices: settableLeadStatuses, aliases: ['lead status'] },
    { name: 'disqualifiedReason', kind: 'text', max: 2000, aliases: ['disqualified reason', 'unqualified reason'] },
    owner,
    createdAt,
  ],
  deals: [
    externalId,
    {
      name: 'name',
      kind: 'text',
      max: 300,
      aliases: ['deal name', 'opportunity name', 'title', 'deal title'],
      help: 'the external id when the file has no name (exports that identify deals only by an id)',
    },
    account,
    {
      name: 'contact',
      kind: 'ref',
      ref: 'contact',
      aliases: ['contact name', 'contact email', 'primary contact', 'contact person'],
      help: 'contact by email, external id or full name',
    },
    owner,
    { name: 'pipeline', kind: 'ref', ref: 'pipeline', help: 'pipeline by name; the default pipeline when left out' },
    {
      name: 'stage',
      kind: 'ref',
      ref: 'stage',
      aliases: ['deal stage', 'stage name'],
      help: 'stage by name (see --stage-map); the first open stage when left out',
    },
    {
      name: 'status',
      kind: 'choice',
      choices: ['open', 'won', 'lost'],
      help: 'open, won or lost; chooses the first won/lost stage when no stage is given',
    },
    { name: 'amount', kind: 'money', aliases: ['value', 'deal value', 'deal amount'] },
    { name: 'amountMicros', kind: 'micros', help: 'the amount in millionths (Twenty exports)' },
    {
      name: 'unitPrice',
      kind: 'money',
      aliases: ['unit price', 'sales price', 'list price', 'product price', 'price per unit'],
      help: "the product's price per unit: the list price of a product created for the deal (`--create-missing`), the line item's price when the deal has no amount",
    },
    { name: 'currency', kind: 'currency', aliases: ['currency code'] },
    {
      name: 'product',
      kind: 'ref',
      ref: 'product',
      aliases: ['product name', 'sku'],
      help: 'product by name, SKU or external id; becomes a line item of quantity 1',
    },
    createdAt,
    {
      name: 'closedAt',
      kind: 'datetime',
      aliases: ['closed', 'closed date', 'won time', 'lost time', 'close time', 'closed at'],
      help: 'when a won or lost deal closed (required for those)',
    },
    {
      name: 'closeDate',
      kind: 'date',
      aliases: ['close date'],
      help: 'the close date of systems that use one column for both: the closing day of a won/lost deal, the expected close date of an open one',
    },
    { name: 'expectedCloseDate', kind: 'date', aliases: ['expected close date', 'expected close'] },
    { name: 'source', kind: 'text', max: 200, aliases: ['lead source', 'deal source'] },
    { name: 'channel', kind: 'choice', choices: ['direct', 'partner'] },
    {
      name: 'partner',
      kind: 'ref',
      ref: 'account',
      aliases: ['partner account', 'reseller'],
      help: 'partner account by name, domain or external id; makes a partner deal',
    },
    { name: 'lostReason', kind: 'text', max: 500, aliases: ['lost reason', 'loss reason', 'reason lost'] },
    { name: 'nextStep', kind: 'text', max: 1000, aliases: ['next step'] },
  ],
  products: [
    externalId,
    {
      name: 'sku',
      kind: 'text',
      max: 100,
      aliases: ['product code', 'code', 'item number'],
      help: 'made from the name when absent (`Widget Pro` → `WIDGET-PRO`), if no other product of the file has that name',
    },
    { name: 'name', kind: 'text', required: true, max: 300, aliases: ['product name'] },
    { name: 'family', kind: 'text', max: 200, aliases: ['product family', 'category'] },
    { name: 'description', kind: 'text', max: 5000 },
    { name: 'listPrice', kind: 'money', required: true, aliases: ['list price', 'price', 'unit price'] },
    { name: 'currency', kind: 'currency' },
    { name: 'active', kind: 'bool', aliases: ['is active'] },
    createdAt,
  ],
  activities: [
    externalId,
    { name: 'type', kind: 'choice', required: true, choices: activityTypes, aliases: ['activity type'] },
    { name: 'subject', kind: 'text', max: 300, aliases: ['title'] },
    { name: 'body', kind: 'text', max: 50_000, aliases: ['notes', 'note', 'description', 'comments'] },
    { name: 'deal', kind: 'ref', ref: 'deal', help: 'deal by external id or name' },
    { name: 'contact', kind: 'ref', ref: 'contact', aliases: ['contact person'] },
    account,
    { name: 'lead', kind: 'ref', ref: 'lead', help: 'lead by external id or email' },
    owner,
    { name: 'occurredAt', kind: 'datetime', aliases: ['date', 'activity date', 'occurred at'] },
    { name: 'dueAt', kind: 'datetime', aliases: ['due date', 'due'] },
    { name: 'completedAt', kind: 'datetime', aliases: ['completed', 'done time', 'completed at'] },
    { name: 'direction', kind: 'choice', choices: ['inbound', 'outbound'], aliases: ['call direction', 'call type'] },
    {
      name: 'disposition',
      kind: 'choice',
      choices: callDispositions,
      aliases: ['call disposition', 'call outcome', 'outcome'],
    },
    { name: 'durationSeconds', kind: 'int', aliases: ['duration', 'call duration'] },
    { name: 'start', kind: 'datetime', aliases: ['meeting start', 'start time'] },
    { name: 'end', kind: 'datetime', aliases: ['meeting end', 'end time'] },
    { name: 'location', kind: 'text', max: 500 },
    createdAt,
  ],
  users: [
    externalId,
    {
      name: 'email',
      kind: 'email',
      aliases: ['e-mail', 'email address', 'username'],
      help: 'required unless missing addresses are generated (`--missing-email placeholder`)',
    },
    { name: 'name', kind: 'text', required: true, max: 300, aliases: ['full name', 'user name'] },
    {
      name: 'role',
      kind: 'choice',
      choices: roles,
      aliases: ['profile'],
      help: 'admin, manager or rep; `rep` when absent or blank',
    },
    {
      name: 'team',
      kind: 'ref',
      ref: 'team',
      aliases: ['sales team', 'team name'],
      help: 'team by name or external id',
    },
    {
      name: 'manager',
      kind: 'ref',
      ref: 'user',
      aliases: ['reports to', 'manager email', 'manager name'],
      help: 'user by name, email or external id (an earlier line of the same file too)',
    },
    createdAt,
  ],
  teams: [
    { ...externalId, aliases: [...(externalId.aliases ?? []), 'team id'] },
    { name: 'name', kind: 'text', required: true, max: 200, aliases: ['team', 'team name', 'sales team'] },
    {
      name: 'kind',
      kind: 'choice',
      choices: teamKinds,
      aliases: ['type', 'team type'],
      help: `${teamKinds.join(', ')}; \`other\` when absent`,
    },
    {
      name: 'manager',
      kind: 'ref',
      ref: 'user',
      aliases: ['team leader', 'leader', 'team lead', 'manager email'],
      help: 'user by name, email or external id',
    },
    createdAt,
  ],
  touches: [
    {
      name: 'email',
      kind: 'email',
      required: true,
      aliases: ['e-mail', 'email address'],
      help: 'the person: a contact with this email, else a lead with it; a row matching neither is rejected',
    },
    {
      name: 'campaign',
      kind: 'text',
      max: 300,
      aliases: ['campaign name'],
      help: 'campaign by name; required unless utmCampaign is given',
    },
    {
      name: 'utmCampaign',
      kind: 'text',
      max: 200,
      aliases: ['utm campaign', 'campaign code'],
      help: "campaign by its UTM campaign code when no campaign name is given; the touch's own UTM code either way",
    },
    { name: 'utmSource', kind: 'text', max: 200, aliases: ['utm source'] },
    { name: 'utmMedium', kind: 'text', max: 200, aliases: ['utm medium'] },
    { name: 'utmContent', kind: 'text', max: 200, aliases: ['utm content'] },
    { name: 'utmTerm', kind: 'text', max: 200, aliases: ['utm term'] },
    {
      name: 'kind',
      kind: 'choice',
      choices: touchKinds,
      aliases: ['touch', 'touch type', 'interaction'],
      help: `${touchKinds.join(', ')}; a row with a response and no kind records \`responded\` (\`attended\` for that status)`,
    },
    {
      name: 'status',
      kind: 'choice',
      choices: memberStatuses,
      aliases: ['member status', 'campaign member status'],
      help: `the membership status: ${memberStatuses.join(', ')}; statuses only climb, as when recorded by hand`,
    },
    {
      name: 'responded',
      kind: 'bool',
      aliases: ['has responded'],
      help: 'a response (a touch) even when the status does not say so',
    },
    {
      name: 'touchedAt',
      kind: 'datetime',
      aliases: ['touched at', 'touch date', 'responded at', 'response date'],
      help: 'when the person responded; createdAt, else the time of the import, when absent',
    },
    {
      name: 'campaignType',
      kind: 'choice',
      choices: campaignTypes,
      aliases: ['campaign type'],
      help: 'the type of a campaign created for a missing name (`--create-missing`); `advertising` when absent',
    },
    {
      ...createdAt,
      help: 'when the person joined the campaign; the time of the touch when there is no touchedAt',
    },
  ],
  partners: [
    {
      name: 'account',
      kind: 'ref',
      ref: 'account',
      max: 300,
      aliases: ['account name', 'partner', 'partner name', 'partner account', 'company', 'company name', 'name'],
      help: 'the account by name (else by the domain or external id of the row); created with `--create-missing` (as a new account of the file, with its domain and external id)',
    },
    {
      ...externalId,
      help: "the account's id in the source system: finds the account, and is given to an account the import creates",
    },
    {
      name: 'domain',
      kind: 'domain',
      aliases: ['website', 'company domain', 'partner website'],
      help: 'finds the account when the name does not; given to an account the import creates',
    },
    {
      name: 'partnerType',
      kind: 'choice',
      required: true,
      choices: partnerTypes,
      aliases: ['partner type', 'type', 'partner program type', 'partner category'],
      help: `${partnerTypes.join(', ')}; also VAR, MSP, referral partner, value added reseller and the like`,
    },
    {
      name: 'tier',
      kind: 'text',
      max: 200,
      aliases: ['partner tier', 'tier name', 'partner level', 'level'],
      help: 'a tier of the partner programme by name; the current tier stays when left out',
    },
    createdAt,
  ],
  registrations: [
    { ...externalId, aliases: [...(externalId.aliases ?? []), 'registration id', 'deal registration id'] },
    {
      name: 'partner',
      kind: 'ref',
      ref: 'account',
      required: true,
      aliases: ['partner account', 'partner name', 'reseller', 'registering partner'],
      help: 'the partner account by name, domain or external id; it must be in the partner programme (or an account of a partner type)',
    },
    {
      name: 'customerName',
      kind: 'text',
      required: true,
      max: 300,
      aliases: ['customer name', 'customer', 'end customer', 'customer company', 'company name', 'prospect name'],
    },
    {
      name: 'customerDomain',
      kind: 'domain',
      aliases: ['customer domain', 'customer website', 'website', 'domain'],
    },
    { name: 'amount', kind: 'money', aliases: ['deal amount', 'estimated amount', 'deal size', 'value'] },
    { name: 'currency', kind: 'currency', aliases: ['currency code'] },
    {
      name: 'products',
      kind: 'text',
      max: 2000,
      aliases: ['product', 'product names', 'product interest', 'products of interest'],
      help: 'products by name, SKU or external id, separated by ;',
    },
    {
      name: 'expectedCloseDate',
      kind: 'date',
      aliases: ['expected close date', 'estimated close date', 'close date'],
    },
    {
      name: 'registeredAt',
      kind: 'datetime',
      aliases: ['registered at', 'registration date', 'submitted date', 'submission date', 'date submitted'],
      help: 'business time of the registration, recorded on its event; createdAt, else the time of the import, when absent',
    },
    {
      name: 'status',
      kind: 'choice',
      choices: registrationStatuses,
      aliases: ['registration status', 'approval status'],
      help: `${registrationStatuses.join(', ')} (submitted reads as pending, denied and declined as rejected); pending when absent`,
    },
    {
      name: 'decidedAt',
      kind: 'datetime',
      aliases: ['decided at', 'decision date', 'approval date', 'approved date', 'rejected date', 'date approved'],
      help: 'when an approved, rejected or expired registration was decided (required for those)',
    },
    {
      name: 'reason',
      kind: 'text',
      max: 2000,
      aliases: ['rejection reason', 'denial reason', 'rejected reason', 'decision reason'],
      help: 'why a rejected registration was rejected (required for those)',
    },
    {
      name: 'deal',
      kind: 'ref',
      ref: 'deal',
      aliases: ['opportunity', 'linked deal', 'deal name', 'opportunity name', 'associated deal'],
      help: 'the deal by external id or name; an approved or expired registration needs the partner deal it was approved into',
    },
    { name: 'notes', kind: 'text', max: 5000, aliases: ['description', 'comments'] },
    createdAt,
  ],
};

/** Header or field name folded for comparison: "Deal - Close Date" ≈ "dealclosedate". */
export function foldHeader(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function fieldOf(entity: ImportEntity, name: string): ImportField | undefined {
  return importFields[entity].find((f) => f.name === name);
}

/** The record an import entity's rows become, in the singular (`accounts` → `account`). */
export const singular: Record<ImportEntity, string> = {
  accounts: 'account',
  contacts: 'contact',
  leads: 'lead',
  deals: 'deal',
  products: 'product',
  activities: 'activity',
  users: 'user',
  teams: 'team',
  touches: 'touch',
  partners: 'partner',
  registrations: 'registration',
};
