import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { accountTypes } from '../../../src/contract/accounts.ts';
import { activityTypes, callDispositions } from '../../../src/contract/activities.ts';
import { dealChannels, dealStatuses } from '../../../src/contract/deals.ts';
import { leadStatuses } from '../../../src/contract/leads.ts';
import { api, getPage, type ApiData, type Page, type RuntimeQuery } from '../api.ts';
import type { RottingReason } from '../../../src/contract/attention.ts';
import { AccountLink, ContactLink, contactName, DealLink, LeadLink } from '../components/record-links.tsx';
import { PartnerRoles } from '../components/partner-roles.tsx';
import { RecordTable } from '../components/record-table.tsx';
import { useActor } from '../permissions.ts';
import type { FilterDef, Option, TableConfig } from '../components/table-config.ts';
import { formatMoney } from '../money.ts';
import { nameOf, pipelinesQuery, usersQuery } from '../queries.ts';
import type { AccountDto, ActivityDto, ContactDto, DealDto, LeadDto, UserDto } from '../types.ts';
import { formatDate } from '../format.ts';

const words = (v: string) => v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ');
const optionsOf = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: words(v) }));
const day = (iso: string | null) => formatDate(iso);
const nullIfEmpty = (v: string) => (v.trim() === '' ? null : v.trim());
const text = (v: string | number | null) => (v === null || v === '' ? <span className="muted">—</span> : String(v));

function useOwners(): { users: UserDto[] | undefined; ownerFilter: FilterDef } {
  const users = useQuery(usersQuery).data;
  const ownerFilter = useMemo<FilterDef>(
    () => ({
      key: 'ownerId',
      label: 'Owner',
      kind: 'select',
      options: (users ?? []).map((u) => ({ value: u.id, label: u.name })),
    }),
    [users],
  );
  return { users, ownerFilter };
}

const searchFilter: FilterDef = { key: 'q', label: 'Search', kind: 'text' };
const createdFilters: FilterDef[] = [
  { key: 'createdFrom', label: 'Created from', kind: 'datetime' },
  { key: 'createdTo', label: 'Created to', kind: 'datetime', endOfDay: true },
];

type DealAttention = ApiData<'get', '/deals/attention'>['items'][number];
/** A deal row with its next activity and rotting marks (one request per page, not per row). */
type DealRow = DealDto & { attention: DealAttention | null };

async function dealsWithAttention(query: RuntimeQuery): Promise<Page<DealRow>> {
  const page = await getPage('/deals', query);
  const ids = page.items.map((d) => d.id);
  const attention =
    ids.length === 0 ? [] : (await api.get('/deals/attention', { params: { query: { dealId: ids } } })).items;
  const byId = new Map(attention.map((a) => [a.dealId, a]));
  return { ...page, items: page.items.map((d) => ({ ...d, attention: byId.get(d.id) ?? null })) };
}

const rottingLabels: Record<RottingReason, string> = { no_next_activity: 'nothing planned', stuck: 'stuck' };

function NextActivity({ d }: { d: DealRow }) {
  const next = d.attention?.nextActivity;
  return (
    <>
      {next ? (
        <span>
          {next.subject ?? 'Task'}
          {next.dueAt && <span className="muted small"> · {formatDate(next.dueAt)}</span>}
        </span>
      ) : (
        <span className="muted">—</span>
      )}{' '}
      {d.attention?.rotting.map((r) => (
        <span key={r} className="badge rotting">
          {rottingLabels[r]}
        </span>
      ))}
    </>
  );
}

export function DealsTablePage() {
  const { users, ownerFilter } = useOwners();
  const pipelines = useQuery(pipelinesQuery).data;
  const partnerUser = useActor()?.role === 'partner';
  const config = useMemo<TableConfig<DealRow>>(() => {
    const stageName = (id: string) => pipelines?.flatMap((p) => p.stages).find((s) => s.id === id)?.name ?? '…';
    return {
      entity: 'deal',
      path: 'deals',
      list: dealsWithAttention,
      title: 'Deals',
      noun: 'deal',
      create: 'deal',
      editPath: '/deals/{id}',
      stageBulk: true,
      nameOf: (d) => d.name,
      defaultSort: { key: 'created_at', order: 'desc' },
      emptyHint:
        'No deals yet. Create one on the pipeline board or through the API, or load the demo data (npm run pipewright -- seed demo).',
      columns: [
        {
          key: 'name',
          label: 'Name',
          sortKey: 'name',
          byDefault: true,
          render: (d) => (
            <Link to="/deals/$dealId" params={{ dealId: d.id }}>
              {d.name}
            </Link>
          ),
        },
        { key: 'account', label: 'Account', byDefault: true, render: (d) => <AccountLink id={d.accountId} /> },
        { key: 'stage', label: 'Stage', byDefault: true, render: (d) => stageName(d.stageId) },
        {
          key: 'status',
          label: 'Status',
          byDefault: true,
          render: (d) => <span className={`badge ${d.status}`}>{d.status}</span>,
        },
        {
          key: 'amount',
          label: 'Amount',
          sortKey: 'amount',
          numeric: true,
          byDefault: true,
          render: (d) => (d.amount === null ? text(null) : formatMoney(d.amount, d.currency)),
          edit: { value: (d) => d.amount ?? '', toPatch: (v) => ({ amount: nullIfEmpty(v) }) },
        },
        {
          key: 'expectedCloseDate',
          label: 'Expected close',
          sortKey: 'expected_close_date',
          byDefault: true,
          render: (d) => text(d.expectedCloseDate),
          edit: {
            value: (d) => d.expectedCloseDate ?? '',
            toPatch: (v) => ({ expectedCloseDate: nullIfEmpty(v) }),
            input: 'date',
          },
        },
        { key: 'owner', label: 'Owner', byDefault: true, render: (d) => nameOf(users, d.ownerId) },
        { key: 'nextActivity', label: 'Next activity', byDefault: true, render: (d) => <NextActivity d={d} /> },
        {
          key: 'partnerRoles',
          label: 'Reseller · distributor',
          // Partners see whose each deal is (their own, or a reseller's through them) at once.
          byDefault: partnerUser,
          render: (d) => (d.partnerAccountId ? <PartnerRoles deal={d} /> : text(null)),
        },
        { key: 'channel', label: 'Channel', render: (d) => words(d.channel) },
        { key: 'source', label: 'Source', render: (d) => text(d.source) },
        {
          key: 'nextStep',
          label: 'Next step',
          render: (d) => text(d.nextStep),
          edit: { value: (d) => d.nextStep ?? '', toPatch: (v) => ({ nextStep: nullIfEmpty(v) }) },
        },
        { key: 'createdAt', label: 'Created', sortKey: 'created_at', render: (d) => day(d.createdAt) },
        { key: 'updatedAt', label: 'Updated', sortKey: 'updated_at', render: (d) => day(d.updatedAt) },
      ],
      filters: [
        searchFilter,
        {
          key: 'pipelineId',
          label: 'Pipeline',
          kind: 'select',
          options: (pipelines ?? []).map((p) => ({ value: p.id, label: p.name })),
        },
        {
          key: 'stageId',
          label: 'Stage',
          kind: 'select',
          options: (pipelines ?? []).flatMap((p) =>
            p.stages.map((s) => ({ value: s.id, label: `${p.name} · ${s.name}` })),
          ),
        },
        { key: 'status', label: 'Status', kind: 'select', options: optionsOf(dealStatuses) },
        ownerFilter,
        { key: 'channel', label: 'Channel', kind: 'select', options: optionsOf(dealChannels) },
        { key: 'amountMin', label: 'Amount from', kind: 'money' },
        { key: 'amountMax', label: 'Amount to', kind: 'money' },
        { key: 'expectedCloseFrom', label: 'Closing from', kind: 'date' },
        { key: 'expectedCloseTo', label: 'Closing to', kind: 'date' },
      ],
    };
  }, [users, pipelines, ownerFilter, partnerUser]);
  return <RecordTable config={config} />;
}

export function AccountsTablePage() {
  const { users, ownerFilter } = useOwners();
  const config = useMemo<TableConfig<AccountDto>>(
    () => ({
      entity: 'account',
      path: 'accounts',
      list: (query) => getPage('/accounts', query),
      title: 'Accounts',
      noun: 'account',
      create: 'account',
      editPath: '/accounts/{id}',
      nameOf: (a) => a.name,
      defaultSort: { key: 'name', order: 'asc' },
      emptyHint: 'No accounts yet. Accounts are created through the API, by converting a lead, or with the demo data.',
      columns: [
        {
          key: 'name',
          label: 'Name',
          sortKey: 'name',
          byDefault: true,
          render: (a) => (
            <Link to="/accounts/$accountId" params={{ accountId: a.id }}>
              {a.name}
            </Link>
          ),
        },
        { key: 'type', label: 'Type', byDefault: true, render: (a) => words(a.type) },
        {
          key: 'industry',
          label: 'Industry',
          byDefault: true,
          render: (a) => text(a.industry),
          edit: { value: (a) => a.industry ?? '', toPatch: (v) => ({ industry: nullIfEmpty(v) }) },
        },
        { key: 'domain', label: 'Domain', byDefault: true, render: (a) => text(a.domain) },
        { key: 'employees', label: 'Employees', numeric: true, byDefault: true, render: (a) => text(a.employees) },
        { key: 'owner', label: 'Owner', byDefault: true, render: (a) => nameOf(users, a.ownerId) },
        { key: 'city', label: 'City', render: (a) => text(a.address.city) },
        { key: 'country', label: 'Country', render: (a) => text(a.address.country) },
        {
          key: 'annualRevenue',
          label: 'Annual revenue',
          numeric: true,
          render: (a) => (a.annualRevenue ? formatMoney(a.annualRevenue, a.revenueCurrency ?? undefined) : text(null)),
        },
        { key: 'createdAt', label: 'Created', sortKey: 'created_at', render: (a) => day(a.createdAt) },
        { key: 'updatedAt', label: 'Updated', sortKey: 'updated_at', render: (a) => day(a.updatedAt) },
      ],
      filters: [
        searchFilter,
        { key: 'type', label: 'Type', kind: 'select', options: optionsOf(accountTypes) },
        ownerFilter,
        { key: 'industry', label: 'Industry', kind: 'text' },
        { key: 'domain', label: 'Domain', kind: 'text' },
        { key: 'employeesMin', label: 'Employees from', kind: 'number' },
        { key: 'employeesMax', label: 'Employees to', kind: 'number' },
        ...createdFilters,
      ],
    }),
    [users, ownerFilter],
  );
  return <RecordTable config={config} />;
}

const yesNo: Option[] = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

export function ContactsTablePage() {
  const { users, ownerFilter } = useOwners();
  const config = useMemo<TableConfig<ContactDto>>(
    () => ({
      entity: 'contact',
      path: 'contacts',
      list: (query) => getPage('/contacts', query),
      title: 'Contacts',
      noun: 'contact',
      create: 'contact',
      editPath: '/contacts/{id}',
      nameOf: contactName,
      defaultSort: { key: 'name', order: 'asc' },
      emptyHint: 'No contacts yet. Contacts are created through the API, by converting a lead, or with the demo data.',
      columns: [
        {
          key: 'name',
          label: 'Name',
          sortKey: 'name',
          byDefault: true,
          render: (c) => (
            <Link to="/contacts/$contactId" params={{ contactId: c.id }}>
              {contactName(c)}
            </Link>
          ),
        },
        {
          key: 'title',
          label: 'Title',
          byDefault: true,
          render: (c) => text(c.title),
          edit: { value: (c) => c.title ?? '', toPatch: (v) => ({ title: nullIfEmpty(v) }) },
        },
        {
          key: 'account',
          label: 'Account',
          byDefault: true,
          render: (c) =>
            c.accountId ? <AccountLink id={c.accountId} /> : <span className="muted">Consumer (B2C)</span>,
        },
        { key: 'email', label: 'Email', byDefault: true, render: (c) => text(c.emails[0] ?? null) },
        { key: 'phone', label: 'Phone', byDefault: true, render: (c) => text(c.phones[0] ?? null) },
        { key: 'owner', label: 'Owner', byDefault: true, render: (c) => nameOf(users, c.ownerId) },
        { key: 'doNotContact', label: 'Do not contact', render: (c) => (c.doNotContact ? 'Yes' : 'No') },
        { key: 'createdAt', label: 'Created', sortKey: 'created_at', render: (c) => day(c.createdAt) },
        { key: 'updatedAt', label: 'Updated', sortKey: 'updated_at', render: (c) => day(c.updatedAt) },
      ],
      filters: [
        searchFilter,
        ownerFilter,
        { key: 'hasAccount', label: 'At an account', kind: 'select', options: yesNo },
        { key: 'doNotContact', label: 'Do not contact', kind: 'select', options: yesNo },
        ...createdFilters,
      ],
    }),
    [users, ownerFilter],
  );
  return <RecordTable config={config} />;
}

export function LeadsTablePage() {
  const { users, ownerFilter } = useOwners();
  const config = useMemo<TableConfig<LeadDto>>(
    () => ({
      entity: 'lead',
      path: 'leads',
      list: (query) => getPage('/leads', query),
      title: 'Leads',
      noun: 'lead',
      create: 'lead',
      editPath: '/leads/{id}',
      nameOf: contactName,
      defaultSort: { key: 'created_at', order: 'desc' },
      emptyHint: 'No leads yet. Leads come in through the API or a lead import, or with the demo data.',
      columns: [
        {
          key: 'name',
          label: 'Name',
          sortKey: 'last_name',
          byDefault: true,
          render: (l) => (
            <Link to="/leads/$leadId" params={{ leadId: l.id }}>
              {contactName(l)}
            </Link>
          ),
        },
        {
          key: 'company',
          label: 'Company',
          byDefault: true,
          render: (l) => text(l.company),
          edit: { value: (l) => l.company ?? '', toPatch: (v) => ({ company: nullIfEmpty(v) }) },
        },
        {
          key: 'status',
          label: 'Status',
          byDefault: true,
          render: (l) => <span className="badge">{words(l.status)}</span>,
        },
        { key: 'email', label: 'Email', byDefault: true, render: (l) => text(l.email) },
        {
          key: 'source',
          label: 'Source',
          byDefault: true,
          render: (l) => text(l.source),
          edit: { value: (l) => l.source ?? '', toPatch: (v) => ({ source: nullIfEmpty(v) }) },
        },
        { key: 'owner', label: 'Owner', byDefault: true, render: (l) => nameOf(users, l.ownerId) },
        { key: 'phone', label: 'Phone', render: (l) => text(l.phone) },
        { key: 'title', label: 'Title', render: (l) => text(l.title) },
        { key: 'createdAt', label: 'Created', sortKey: 'created_at', byDefault: true, render: (l) => day(l.createdAt) },
        { key: 'lastTouchedAt', label: 'Last touched', byDefault: true, render: (l) => day(l.lastTouchedAt) },
        { key: 'updatedAt', label: 'Updated', sortKey: 'updated_at', render: (l) => day(l.updatedAt) },
      ],
      filters: [
        searchFilter,
        { key: 'status', label: 'Status', kind: 'select', options: optionsOf(leadStatuses) },
        ownerFilter,
        { key: 'source', label: 'Source', kind: 'text' },
        ...createdFilters,
      ],
    }),
    [users, ownerFilter],
  );
  return <RecordTable config={config} />;
}

/** What an activity is about: the most specific record it links to. */
function Regarding({ a }: { a: ActivityDto }) {
  if (a.dealId) return <DealLink id={a.dealId} />;
  if (a.contactId) return <ContactLink id={a.contactId} />;
  if (a.leadId) return <LeadLink id={a.leadId} />;
  return <AccountLink id={a.accountId} />;
}

export function ActivitiesTablePage() {
  const { users, ownerFilter } = useOwners();
  const config = useMemo<TableConfig<ActivityDto>>(
    () => ({
      entity: 'activity',
      path: 'activities',
      list: (query) => getPage('/activities', query),
      title: 'Activities',
      noun: 'activity',
      nameOf: (a) => a.subject ?? `${words(a.type)} ${day(a.occurredAt ?? a.dueAt ?? a.createdAt)}`,
      defaultSort: { key: 'occurred_at', order: 'desc' },
      emptyHint: 'No activities yet. Log a call, meeting, email, task or note on a deal, contact, account or lead.',
      columns: [
        {
          key: 'when',
          label: 'When',
          sortKey: 'occurred_at',
          byDefault: true,
          render: (a) => day(a.occurredAt ?? a.dueAt),
        },
        { key: 'type', label: 'Type', byDefault: true, render: (a) => words(a.type) },
        { key: 'subject', label: 'Subject', byDefault: true, render: (a) => text(a.subject) },
        { key: 'regarding', label: 'Regarding', byDefault: true, render: (a) => <Regarding a={a} /> },
        {
          key: 'disposition',
          label: 'Disposition',
          byDefault: true,
          render: (a) => text(a.disposition && words(a.disposition)),
        },
        { key: 'owner', label: 'Owner', byDefault: true, render: (a) => nameOf(users, a.ownerId) },
        { key: 'dueAt', label: 'Due', sortKey: 'due_at', render: (a) => day(a.dueAt) },
        {
          key: 'completed',
          label: 'Done',
          render: (a) => (a.completed === null ? text(null) : a.completed ? 'Yes' : 'No'),
        },
        { key: 'createdAt', label: 'Logged', sortKey: 'created_at', render: (a) => day(a.createdAt) },
      ],
      filters: [
        searchFilter,
        { key: 'type', label: 'Type', kind: 'select', options: optionsOf(activityTypes) },
        ownerFilter,
        { key: 'disposition', label: 'Disposition', kind: 'select', options: optionsOf(callDispositions) },
        { key: 'completed', label: 'Task done', kind: 'select', options: yesNo },
        { key: 'from', label: 'From', kind: 'datetime' },
        { key: 'to', label: 'To', kind: 'datetime', endOfDay: true },
      ],
    }),
    [users, ownerFilter],
  );
  return <RecordTable config={config} />;
}
