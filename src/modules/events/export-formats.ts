import type { ExportDealRow, ExportEventRow, ExportNamedRow } from './export.repository.ts';

/*
 * Text of the two process-mining formats, one element at a time, so an export streams in pages.
 * OCEL 2.0 JSON (ocel-standard.org): objectTypes, eventTypes, objects, events. Objects are the
 * deals, their accounts (customer and partner) and the users; an event relates to its deal
 * ("deal") and its acting user ("actor"). XES (IEEE 1849): one trace per deal, the standard
 * concept, time, lifecycle and org extensions.
 */

/** The activity name process-mining tools group by: the stage entered, or the event type. */
export function activityOf(e: Pick<ExportEventRow, 'type' | 'stageName'>): string {
  return e.stageName !== null && (e.type === 'deal.created' || e.type === 'deal.stage_changed') ? e.stageName : e.type;
}

const eventAttributes = [
  { name: 'activity', type: 'string' },
  { name: 'stage', type: 'string' },
  { name: 'imported', type: 'boolean' },
  { name: 'systemTime', type: 'time' },
];

/** Everything before the first object: the type declarations. */
export function ocelHead(eventTypes: readonly string[]): string {
  const objectTypes = [
    {
      name: 'deal',
      attributes: [
        { name: 'name', type: 'string' },
        { name: 'amount', type: 'float' },
        { name: 'currency', type: 'string' },
        { name: 'status', type: 'string' },
        { name: 'pipeline', type: 'string' },
        { name: 'stage', type: 'string' },
      ],
    },
    { name: 'account', attributes: [{ name: 'name', type: 'string' }] },
    {
      name: 'user',
      attributes: [
        { name: 'name', type: 'string' },
        { name: 'role', type: 'string' },
      ],
    },
  ];
  return `{"objectTypes":${JSON.stringify(objectTypes)},"eventTypes":${JSON.stringify(eventTypes.map((name) => ({ name, attributes: eventAttributes })))},"objects":[`;
}

export const ocelBetweenObjectsAndEvents = '],"events":[';
export const ocelTail = ']}\n';

/** A deal as an OCEL object; its name at creation, the rest as of its last update. */
export function ocelDeal(d: ExportDealRow): string {
  const updated = d.updatedAt.toISOString();
  const attributes: { name: string; time: string; value: unknown }[] = [
    { name: 'name', time: d.createdAt.toISOString(), value: d.name },
    { name: 'currency', time: updated, value: d.currency },
    { name: 'status', time: updated, value: d.status },
    { name: 'pipeline', time: updated, value: d.pipelineName },
    { name: 'stage', time: updated, value: d.stageName },
  ];
  const relationships = [
    ...(d.accountId ? [{ objectId: d.accountId, qualifier: 'account' }] : []),
    ...(d.partnerAccountId ? [{ objectId: d.partnerAccountId, qualifier: 'partner' }] : []),
    ...(d.ownerId ? [{ objectId: d.ownerId, qualifier: 'owner' }] : []),
  ];
  const json = JSON.stringify({ id: d.id, type: 'deal', attributes, relationships });
  if (d.amount === null) return json;
  // The amount goes in as the exact decimal text (a JSON number), never through a binary float.
  const amount = `{"name":"amount","time":${JSON.stringify(updated)},"value":${d.amount}}`;
  return json.replace('"attributes":[', `"attributes":[${amount},`);
}

export function ocelNamed(type: 'account' | 'user', o: ExportNamedRow): string {
  const attributes = [
    { name: 'name', time: '1970-01-01T00:00:00.000Z', value: o.name },
    ...(type === 'user' && o.role ? [{ name: 'role', time: '1970-01-01T00:00:00.000Z', value: o.role }] : []),
  ];
  return JSON.stringify({ id: o.id, type, attributes, relationships: [] });
}

export function ocelEvent(e: ExportEventRow): string {
  const attributes: { name: string; value: unknown }[] = [
    { name: 'activity', value: activityOf(e) },
    ...(e.stageName !== null ? [{ name: 'stage', value: e.stageName }] : []),
    { name: 'imported', value: e.imported },
    { name: 'systemTime', value: e.occurredAt.toISOString() },
  ];
  const relationships = [
    { objectId: e.dealId, qualifier: 'deal' },
    ...(e.actorId ? [{ objectId: e.actorId, qualifier: 'actor' }] : []),
  ];
  return JSON.stringify({ id: String(e.id), type: e.type, time: e.at.toISOString(), attributes, relationships });
}

/** Text safe inside a double-quoted XML attribute (characters XML 1.0 forbids are dropped). */
export function xmlAttr(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- exactly the control characters XML 1.0 does not allow
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const str = (key: string, value: string): string => `<string key="${key}" value="${xmlAttr(value)}"/>`;

export const xesHead = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849.2016" xes.features="" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
  <global scope="trace">${str('concept:name', '')}</global>
  <global scope="event">${str('concept:name', '')}<date key="time:timestamp" value="1970-01-01T00:00:00.000Z"/>${str('lifecycle:transition', 'complete')}</global>
  <classifier name="Activity" keys="concept:name"/>
  ${str('concept:name', 'Pipewright deal events')}
`;

export function xesTraceOpen(e: Pick<ExportEventRow, 'dealId' | 'dealName'>): string {
  return `  <trace>${str('concept:name', e.dealId)}${str('dealName', e.dealName)}\n`;
}

export const xesTraceClose = '  </trace>\n';
export const xesTail = '</log>\n';

export function xesEvent(e: ExportEventRow): string {
  const parts = [
    str('concept:name', activityOf(e)),
    `<date key="time:timestamp" value="${e.at.toISOString()}"/>`,
    str('lifecycle:transition', 'complete'),
    str('org:resource', e.actorName ?? 'system'),
    ...(e.actorRole ? [str('org:role', e.actorRole)] : []),
    str('eventType', e.type),
    `<int key="eventId" value="${e.id}"/>`,
    `<boolean key="imported" value="${e.imported}"/>`,
  ];
  return `    <event>${parts.join('')}</event>\n`;
}
