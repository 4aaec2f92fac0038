import { z } from 'zod';
import { eventCatalog, eventTitle, type EventDefinition } from '../src/contract/events/index.ts';

export const EVENTS_DOC_FILE = 'docs/events.md';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: boolean | JsonSchema;
  pattern?: string;
};

const toJson = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;

/** A short type description of a JSON schema: `string`, `"open" | "won"`, `string[]`, `object`… */
function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (s.anyOf) return [...new Set(s.anyOf.map(typeOf))].join(' \\| ');
  if (Array.isArray(s.type)) return s.type.join(' \\| ');
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : 'any'}[]`;
  if (s.type === 'object' && !s.properties && typeof s.additionalProperties === 'object')
    return `map of ${typeOf(s.additionalProperties)}`;
  if (s.type === 'string' && s.pattern) return 'decimal text';
  return s.type ?? (Object.keys(s).length === 0 ? 'any' : 'date-time');
}

/** The rows of the field table of a payload: dotted path, type, required, nested objects flattened. */
function fieldRows(s: JsonSchema, prefix: string, out: string[]): void {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  for (const [name, sub] of Object.entries(props)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const nullable = sub.anyOf?.some((a) => a.type === 'null');
    const inner = nullable ? (sub.anyOf?.find((a) => a.type !== 'null') ?? sub) : sub;
    const nested = inner.type === 'object' && inner.properties;
    const arrayOfObjects = inner.type === 'array' && inner.items?.type === 'object' && inner.items.properties;
    out.push(
      `| \`${path}\` | ${nested ? 'object' : arrayOfObjects ? 'object[]' : typeOf(sub)} | ${required.has(name) ? 'yes' : 'no'} |`,
    );
    if (nested) fieldRows(inner, path, out);
    if (arrayOfObjects && inner.items) fieldRows(inner.items, `${path}[]`, out);
  }
  if (s.additionalProperties !== false && prefix !== '' && Object.keys(props).length > 0)
    out.push(`| \`${prefix}.*\` | other fields of the record as stored | no |`);
}

function section(d: EventDefinition): string {
  const rows: string[] = [];
  fieldRows(toJson(d.schema), '', rows);
  const lines = [
    `### \`${d.type}\``,
    '',
    `Version ${d.version}; about: ${d.entityTypes.map((e) => `\`${e}\``).join(', ')}. Written when ${d.when}. Shown as "${eventTitle(d.type)}".`,
    '',
  ];
  if (rows.length === 0) lines.push('No payload fields.');
  else lines.push('| Field | Type | Required |', '|---|---|---|', ...rows);
  for (const step of d.history)
    lines.push('', `Version ${step.version} is read through an upcaster to version ${step.version + 1}.`);
  return lines.join('\n');
}

/** docs/events.md: every event type of the catalog with its version, when it is written and its payload. */
export function renderEventsDoc(): string {
  const defs = [...eventCatalog.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const byEntity = new Map<string, EventDefinition[]>();
  for (const d of defs) {
    const entity = d.type.slice(0, d.type.indexOf('.'));
    byEntity.set(entity, [...(byEntity.get(entity) ?? []), d]);
  }
  const parts = [
    '# Event types',
    '',
    '<!-- Generated from src/contract/events by `npm run gen:events`; do not edit by hand. -->',
    '',
    'Every change to a record is written to the event log as one of these types, in the same',
    'transaction as the change. Each type has a version: an event is stored with the version its type',
    'had when it was written, and an older version is read through an upcaster, so every reader (the',
    'timeline, exports, webhooks, analytics) sees the current version. A writer cannot append a type',
    'that is not listed here or a payload that does not match it.',
    '',
    "Snapshots (`after` of a `.created`, `before` of a `.deleted`) hold the record's stored fields;",
    'the fields listed are the ones checked, the others are kept as written. `changes` of an',
    '`.updated` maps each changed field to `{ from, to }`.',
    '',
    `${defs.length} types:`,
    '',
  ];
  for (const [entity, list] of byEntity) {
    parts.push(`## ${entity}`, '');
    for (const d of list) parts.push(section(d), '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
