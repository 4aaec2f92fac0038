import type { SwaggerTransformObject } from '@fastify/swagger';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountSchema } from '../contract/accounts.ts';
import { activitySchema } from '../contract/activities.ts';
import { analysisInfoSchema } from '../contract/analytics.ts';
import { eventReferencesSchema } from '../contract/audit.ts';
import { apiTokenSchema } from '../contract/api-tokens.ts';
import { bulkResponseSchema, bulkResultSchema } from '../contract/bulk.ts';
import { contactSchema } from '../contract/contacts.ts';
import { boardSummarySchema, dealSchema, lineItemSchema } from '../contract/deals.ts';
import { importJobSchema, importPreviewSchema } from '../contract/imports.ts';
import { convertLeadResultSchema } from '../contract/lead-conversion.ts';
import { leadSchema } from '../contract/leads.ts';
import { objectionSchema, raisedObjectionSchema } from '../contract/objections.ts';
import { pipelineSchema, stageSchema } from '../contract/pipelines.ts';
import { productSchema } from '../contract/products.ts';
import { dealScriptSchema, scriptSchema, scriptVersionSchema } from '../contract/scripts.ts';
import { cadenceFiguresSchema, cadenceSchema, enrolmentSchema } from '../contract/cadences.ts';
import { searchResultSchema } from '../contract/search.ts';
import { organizationSchema, sessionSchema, teamSchema, userSchema } from '../contract/users.ts';
import { viewSchema } from '../contract/views.ts';
import { analyses } from '../modules/analytics/registry.ts';
import { timelineEntrySchema } from '../modules/events/events.service.ts';
import { problemSchema } from './http.ts';
import { availabilitySchema, bookingSchema, slotSchema, timeOffSchema } from '../contract/booking.ts';
import { handoffSchema, slaPolicyDtoSchema } from '../contract/handoffs.ts';
import { callQueueItemSchema, callQueueSchema } from '../contract/call-queue.ts';
import { agentPartySchema, agreementSchema, dealAgencySchema } from '../contract/agents.ts';
import { approvalRuleSchema, approvalSchema, findingSchema, heldForApprovalSchema } from '../contract/oversight.ts';

/**
 * The schemas the OpenAPI document names under `components.schemas` (and references from every
 * operation that uses them), so the generated client types have a name for each
 * (`components['schemas']['Deal']`) and the document states each shape once. A schema left out
 * is still documented, inline where it is used. The names go into zod's global registry, where
 * `.describe()` keeps the descriptions the document shows, so both reach the transform.
 */
const named: [z.ZodType, string][] = [
  [problemSchema, 'Problem'],
  [sessionSchema, 'Session'],
  [userSchema, 'User'],
  [teamSchema, 'Team'],
  [organizationSchema, 'Organization'],
  [apiTokenSchema, 'ApiToken'],
  [accountSchema, 'Account'],
  [contactSchema, 'Contact'],
  [leadSchema, 'Lead'],
  [convertLeadResultSchema, 'ConvertLeadResult'],
  [dealSchema, 'Deal'],
  [boardSummarySchema, 'BoardSummary'],
  [lineItemSchema, 'LineItem'],
  [activitySchema, 'Activity'],
  [pipelineSchema, 'Pipeline'],
  [stageSchema, 'Stage'],
  [productSchema, 'Product'],
  [objectionSchema, 'Objection'],
  [raisedObjectionSchema, 'RaisedObjection'],
  [scriptSchema, 'Script'],
  [cadenceSchema, 'Cadence'],
  [enrolmentSchema, 'CadenceEnrolment'],
  [cadenceFiguresSchema, 'CadenceFigures'],
  [scriptVersionSchema, 'ScriptVersion'],
  [dealScriptSchema, 'DealScript'],
  [viewSchema, 'View'],
  [searchResultSchema, 'SearchResult'],
  [bulkResultSchema, 'BulkResult'],
  [bulkResponseSchema, 'BulkResponse'],
  [importJobSchema, 'ImportJob'],
  [importPreviewSchema, 'ImportPreview'],
  [timelineEntrySchema, 'TimelineEntry'],
  [eventReferencesSchema, 'EventReferences'],
  [analysisInfoSchema, 'AnalysisInfo'],
  [bookingSchema, 'Booking'],
  [availabilitySchema, 'Availability'],
  [slotSchema, 'Slot'],
  [timeOffSchema, 'TimeOff'],
  [approvalSchema, 'Approval'],
  [heldForApprovalSchema, 'HeldForApproval'],
  [approvalRuleSchema, 'ApprovalRule'],
  [findingSchema, 'Finding'],
  [handoffSchema, 'Handoff'],
  [slaPolicyDtoSchema, 'SlaPolicy'],
  [callQueueSchema, 'CallQueue'],
  [callQueueItemSchema, 'CallQueueItem'],
  [agentPartySchema, 'AgentParty'],
  [agreementSchema, 'AgencyAgreement'],
  [dealAgencySchema, 'DealAgency'],
  // One report per analysis, named after it: funnel → FunnelReport, monte-carlo → MonteCarloReport.
  ...analyses.map((a): [z.ZodType, string] => [a.result, `${pascalCase(a.name)}Report`]),
];
for (const [schema, id] of named) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });

function pascalCase(kebab: string): string {
  return kebab
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** Converts each route's zod schemas to the document's JSON schemas, referencing the named components. */
export const openApiTransform = createJsonSchemaTransform({ schemaRegistry: z.globalRegistry });

const componentsTransform = createJsonSchemaTransformObject({ schemaRegistry: z.globalRegistry });

/**
 * Adds the named components to the document, keeping only those an operation reaches. The
 * transform lists an input copy (`DealInput`) of every named schema beside its output one; the
 * named schemas are all responses, so the input copies are dropped unless a request uses one.
 */
export const openApiTransformObject: SwaggerTransformObject = (input) => {
  const doc = componentsTransform(input);
  if (!('components' in doc) || !doc.components?.schemas) return doc;
  const schemas = doc.components.schemas;
  const reached = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, v] of Object.entries(value)) {
      const name = key === '$ref' && typeof v === 'string' ? componentName(v) : undefined;
      if (name !== undefined && !reached.has(name)) {
        reached.add(name);
        visit(schemas[name]);
      } else visit(v);
    }
  };
  visit(doc.paths);
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name];
  return doc;
};

function componentName(ref: string): string | undefined {
  const prefix = '#/components/schemas/';
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}
