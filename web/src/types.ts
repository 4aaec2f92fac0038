// The API's answers as the web app receives them, named from the OpenAPI document's schemas
// (src/contract/api-types.gen.ts, generated from the server's zod schemas by `npm run gen:api`).
import type { ApiSchemas } from './api.ts';

export type DealDto = ApiSchemas['Deal'];
export type LineItemDto = ApiSchemas['LineItem'];
export type PipelineDto = ApiSchemas['Pipeline'];
export type StageDto = ApiSchemas['Stage'];
/** A field a stage can require before a deal enters it. */
export type GateField = StageDto['requiredFields'][number];
export type UserDto = ApiSchemas['User'];
export type TeamDto = ApiSchemas['Team'];
export type ProductDto = ApiSchemas['Product'];
export type AccountDto = ApiSchemas['Account'];
export type ContactDto = ApiSchemas['Contact'];
export type LeadDto = ApiSchemas['Lead'];
export type LeadStatus = LeadDto['status'];
export type ActivityDto = ApiSchemas['Activity'];
export type ViewDto = ApiSchemas['View'];
export type ViewEntity = ViewDto['entity'];
export type BulkResponse = ApiSchemas['BulkResponse'];
export type BulkResult = ApiSchemas['BulkResult'];
export type ObjectionDto = ApiSchemas['Objection'];
export type RaisedObjectionDto = ApiSchemas['RaisedObjection'];
export type ScriptDto = ApiSchemas['Script'];
export type ScriptVersionDto = ApiSchemas['ScriptVersion'];
export type DealScriptDto = ApiSchemas['DealScript'];
export type CadenceDto = ApiSchemas['Cadence'];
export type CadenceEnrolmentDto = ApiSchemas['CadenceEnrolment'];
export type CadenceFiguresDto = ApiSchemas['CadenceFigures'];
export type SearchResult = ApiSchemas['SearchResult'];
export type ConvertLeadResult = ApiSchemas['ConvertLeadResult'];
export type ImportJobDto = ApiSchemas['ImportJob'];
export type ImportPreview = ApiSchemas['ImportPreview'];
export type ImportSummary = NonNullable<ImportJobDto['summary']>;
export type ApiTokenDto = ApiSchemas['ApiToken'];
/** GET /auth/session and POST /auth/sign-in. */
export type Session = ApiSchemas['Session'];
/** One entry of GET /<entity>/{id}/timeline. */
export type TimelineEntry = ApiSchemas['TimelineEntry'];
export type HandoffDto = ApiSchemas['Handoff'];
export type CallQueueDto = ApiSchemas['CallQueue'];
export type CallQueueItemDto = ApiSchemas['CallQueueItem'];
