import { isStorableText, toStorableText, UNSTORABLE_TEXT } from '../contract/common.ts';
import { fieldOf, foldHeader, importFields, type ImportEntity, type ImportField } from '../contract/import-fields.ts';
import { presetMaps, type ImportPreset } from '../contract/import-presets.ts';
import {
  parseBoolean,
  parseChoice,
  parseDateOnly,
  parseDateTime,
  parseDomain,
  parseEmail,
  parseMoney,
  parseWhole,
  type DateOrder,
  type Parsed,
} from './import-values.ts';

/** How a column of the file is used. */
export interface ColumnMapping {
  index: number;
  header: string;
  /** The field it fills, or null when the column is ignored. */
  field: string | null;
  via: 'map' | 'preset' | 'name' | null;
}

export interface MappingOptions {
  preset?: ImportPreset | undefined;
  /** header → field, as `--map "Header=field"`; an empty field ignores the column. */
  map?: Readonly<Record<string, string>> | undefined;
  /** Users: whether rows without an email get a generated placeholder (else the file needs an email column). */
  missingEmail?: 'reject' | 'placeholder' | undefined;
}

export interface Mapping {
  columns: ColumnMapping[];
  /** Problems that stop the import before any row is read (unknown field, missing required column…). */
  problems: string[];
}

function byName(entity: ImportEntity): Map<string, string> {
  const names = new Map<string, string>();
  for (const f of importFields[entity]) {
    names.set(foldHeader(f.name), f.name);
    for (const a of f.aliases ?? []) if (!names.has(foldHeader(a))) names.set(foldHeader(a), f.name);
  }
  return names;
}

/**
 * Decides which field each column fills: an explicit `map` first, then the preset's column names,
 * then the field names and their common aliases. Several columns may fill one field (the first
 * non-empty cell wins; emails and phones are joined).
 */
export function proposeMapping(entity: ImportEntity, headers: readonly string[], opts: MappingOptions = {}): Mapping {
  const problems: string[] = [];
  for (const [i, header] of headers.entries())
    if (!isStorableText(header))
      problems.push(`column ${i + 1} ("${toStorableText(header)}"): its name ${UNSTORABLE_TEXT}`);
  const folded = headers.map(foldHeader);
  const explicit = new Map<string, string>();
  for (const [header, field] of Object.entries(opts.map ?? {})) {
    const key = foldHeader(header);
    if (!folded.includes(key))
      problems.push(
        `--map names the column "${header}", which the file does not have (its columns are: ${headers.join(', ')})`,
      );
    if (field !== '' && !fieldOf(entity, field))
      problems.push(
        `--map "${header}=${field}": ${entity} have no field "${field}" (fields: ${importFields[entity].map((f) => f.name).join(', ')})`,
      );
    explicit.set(key, field);
  }
  const preset = new Map(
    Object.entries(opts.preset ? (presetMaps[opts.preset][entity] ?? {}) : {}).map(([h, f]) => [foldHeader(h), f]),
  );
  const names = byName(entity);
  const columns = headers.map((header, index): ColumnMapping => {
    const key = folded[index] ?? '';
    const mapped = explicit.get(key);
    if (mapped !== undefined)
      return { index, header, field: mapped === '' ? null : mapped, via: mapped === '' ? null : 'map' };
    const fromPreset = preset.get(key);
    if (fromPreset) return { index, header, field: fromPreset, via: 'preset' };
    const named = names.get(key);
    return { index, header, field: named ?? null, via: named ? 'name' : null };
  });
  const filled = new Set(columns.map((c) => c.field));
  for (const f of importFields[entity])
    if (f.required && !filled.has(f.name))
      problems.push(`no column for the required field "${f.name}" (name one with --map "Column=${f.name}")`);
  if (entity === 'deals' && !filled.has('name') && !filled.has('externalId'))
    problems.push('no column for the required field "name" (name one with --map "Column=name")');
  if (entity === 'users' && !filled.has('email') && opts.missingEmail !== 'placeholder')
    problems.push(
      'no column for "email": name one with --map "Column=email", or give users without an address a generated placeholder with --missing-email placeholder',
    );
  if ((entity === 'contacts' || entity === 'leads') && !filled.has('lastName') && !filled.has('name'))
    problems.push('no column for "lastName" or "name" (name one with --map "Column=lastName")');
  return { columns, problems };
}

export type Value = string | number | boolean | Date | string[] | { amount: string; currency: string | null };

export interface ConvertedRow {
  values: Map<string, Value>;
  problems: string[];
}

const CHOICE_ALIASES: Record<string, Record<string, string>> = {
  status: {
    closed_won: 'won',
    closedwon: 'won',
    closed_lost: 'lost',
    closedlost: 'lost',
    contacted: 'working',
    open: 'new',
    unqualified: 'disqualified',
    nurturing: 'working',
    // Campaign members (Salesforce's default statuses besides Sent and Responded).
    invited: 'sent',
    registered: 'responded',
    // Deal registrations.
    submitted: 'pending',
    pending_approval: 'pending',
    in_review: 'pending',
    under_review: 'pending',
    denied: 'rejected',
    declined: 'rejected',
  },
  partnerType: {
    distribution: 'distributor',
    var: 'value_added_reseller',
    value_add_reseller: 'value_added_reseller',
    msp: 'managed_service_provider',
    managed_services_provider: 'managed_service_provider',
    managed_service: 'managed_service_provider',
    referral_partner: 'referral',
    referral_agent: 'referral',
    reseller_partner: 'reseller',
    solution_provider: 'reseller',
  },
  kind: { form_submission: 'submitted_form', form_submitted: 'submitted_form', click: 'clicked', visit: 'visited' },
  type: { event: 'meeting', phone_call: 'call', todo: 'task', to_do: 'task', lunch: 'meeting' },
  direction: { outgoing: 'outbound', incoming: 'inbound' },
};

function parseCell(f: ImportField, raw: string, order: DateOrder): Parsed<Value> {
  switch (f.kind) {
    case 'text':
    case 'ref':
      if (f.max !== undefined && raw.length > f.max) return { ok: false, reason: `is longer than ${f.max} characters` };
      return { ok: true, value: raw };
    case 'email':
      return parseEmail(raw);
    case 'emails':
    case 'phones': {
      const parts = raw
        .split(f.kind === 'emails' ? /[;,\s]+/ : /[;\n]+/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
      if (f.kind === 'emails') {
        for (const p of parts) {
          const e = parseEmail(p);
          if (!e.ok) return e;
        }
      }
      const seen = new Map<string, string>();
      for (const p of parts) if (!seen.has(p.toLowerCase())) seen.set(p.toLowerCase(), p);
      return { ok: true, value: [...seen.values()].slice(0, 10) };
    }
    case 'domain':
      return parseDomain(raw);
    case 'money': {
      const m = parseMoney(raw);
      if (m.ok && m.value.amount.startsWith('-')) return { ok: false, reason: `"${raw}" is negative` };
      return m;
    }
    case 'micros': {
      if (!/^\d{1,24}$/.test(raw.trim())) return { ok: false, reason: `"${raw}" is not a whole number of millionths` };
      const digits = raw.trim().padStart(7, '0');
      const whole = digits.slice(0, -6).replace(/^0+(?=\d)/, '');
      const frac = digits.slice(-6);
      if (/[1-9]/.test(frac.slice(2))) return { ok: false, reason: `"${raw}" has more than 2 decimals` };
      return { ok: true, value: `${whole}.${frac.slice(0, 2)}` };
    }
    case 'currency': {
      const c = raw.trim().toUpperCase();
      return /^[A-Z]{3}$/.test(c)
        ? { ok: true, value: c }
        : { ok: false, reason: `"${raw}" is not a three-letter currency code such as USD` };
    }
    case 'date':
      return parseDateOnly(raw, order);
    case 'datetime':
      return parseDateTime(raw, order);
    case 'int':
      return parseWhole(raw, 0, 10_000_000);
    case 'bool':
      return parseBoolean(raw);
    case 'choice':
      return parseChoice(raw, f.choices ?? [], CHOICE_ALIASES[f.name] ?? {});
  }
}

/**
 * Reads one record through the mapping into typed values; every bad cell is named. Entity rules
 * that span fields (a won deal needs its close date, a meeting its start) are checked here too, so
 * a dry run reports them without touching the database.
 */
export function convertRow(
  entity: ImportEntity,
  columns: readonly ColumnMapping[],
  cells: readonly string[],
  order: DateOrder = 'mdy',
): ConvertedRow {
  const values = new Map<string, Value>();
  const problems: string[] = [];
  for (const col of columns) {
    if (!col.field) continue;
    const raw = (cells[col.index] ?? '').trim();
    if (raw === '') continue;
    const f = fieldOf(entity, col.field);
    if (!f) continue;
    if (!isStorableText(raw)) {
      problems.push(`${col.header}: ${UNSTORABLE_TEXT}`);
      continue;
    }
    const parsed = parseCell(f, raw, order);
    if (!parsed.ok) {
      problems.push(`${col.header}: ${parsed.reason}`);
      continue;
    }
    const prev = values.get(f.name);
    if (Array.isArray(prev) && Array.isArray(parsed.value)) values.set(f.name, [...prev, ...parsed.value]);
    else if (prev === undefined) values.set(f.name, parsed.value);
  }
  if (cells.length > columns.length) problems.push(`has ${cells.length} fields, the header ${columns.length}`);
  for (const f of importFields[entity])
    if (f.required && !values.has(f.name) && !problems.some((p) => p.startsWith(`${headerOf(columns, f.name)}:`)))
      problems.push(`${f.name} is required`);
  entityRules(entity, values, problems);
  return { values, problems };
}

function headerOf(columns: readonly ColumnMapping[], field: string): string {
  return columns.find((c) => c.field === field)?.header ?? field;
}

function splitName(values: Map<string, Value>): void {
  const full = values.get('name');
  if (typeof full !== 'string' || values.has('lastName')) return;
  const at = full.lastIndexOf(' ');
  if (at < 0) {
    values.set('lastName', full);
    return;
  }
  values.set('lastName', full.slice(at + 1));
  if (!values.has('firstName')) values.set('firstName', full.slice(0, at));
}

function entityRules(entity: ImportEntity, values: Map<string, Value>, problems: string[]): void {
  if (entity === 'contacts' || entity === 'leads') {
    splitName(values);
    if (!values.has('lastName')) problems.push('lastName (or name) is required');
  }
  if (entity === 'deals') dealRules(values, problems);
  if (entity === 'activities') activityRules(values, problems);
  if (entity === 'touches' && !values.has('campaign') && !values.has('utmCampaign'))
    problems.push('campaign (or utmCampaign) is required');
  if (entity === 'partners' && !values.has('account') && !values.has('externalId') && !values.has('domain'))
    problems.push('account (or the externalId or domain of the account) is required');
  if (entity === 'registrations') registrationRules(values, problems);
}

/** A decided registration says when; a rejected one why; a pending one has no decision. */
function registrationRules(values: Map<string, Value>, problems: string[]): void {
  const given = values.get('status');
  const status = typeof given === 'string' ? given : 'pending';
  if (status !== 'pending' && !values.has('decidedAt')) problems.push(`decidedAt is required for ${status}`);
  if (status === 'rejected' && !values.has('reason')) problems.push('reason is required for rejected');
  if (status === 'pending' && values.has('decidedAt'))
    problems.push('decidedAt: a pending registration is not decided');
}

function dealRules(values: Map<string, Value>, problems: string[]): void {
  const micros = values.get('amountMicros');
  if (typeof micros === 'string' && !values.has('amount')) values.set('amount', { amount: micros, currency: null });
  if (values.get('channel') === 'partner' && !values.has('partner'))
    problems.push('partner is required for a partner deal');
}

function activityRules(values: Map<string, Value>, problems: string[]): void {
  const type = values.get('type');
  if (type === 'meeting' && !values.has('start')) {
    const when = values.get('occurredAt');
    if (when instanceof Date) values.set('start', when);
    else problems.push('start (or occurredAt) is required for a meeting');
  }
  if (type === 'task' && !values.has('subject')) problems.push('subject is required for a task');
  if (type === 'note' && !values.has('body')) problems.push('body is required for a note');
  const start = values.get('start');
  const end = values.get('end');
  if (start instanceof Date && end instanceof Date && end < start) problems.push('end is before start');
  if (!['deal', 'contact', 'account', 'lead'].some((k) => values.has(k)))
    problems.push('an activity needs at least one of deal, contact, account, lead');
}
