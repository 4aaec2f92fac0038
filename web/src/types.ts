// Types of the API's responses, from the zod schemas the server validates with.
import type { UserDto } from '../../src/contract/users.ts';

export type { DealDto, LineItemDto } from '../../src/contract/deals.ts';
export type { PipelineDto, StageDto, GateField } from '../../src/contract/pipelines.ts';
export type { UserDto } from '../../src/contract/users.ts';
export type { ProductDto } from '../../src/contract/products.ts';
export type { AccountDto } from '../../src/contract/accounts.ts';
export type { ContactDto } from '../../src/contract/contacts.ts';
export type { LeadDto } from '../../src/contract/leads.ts';
export type { ActivityDto } from '../../src/contract/activities.ts';
export type { ViewDto, ViewEntity } from '../../src/contract/views.ts';
export type { BulkResponse, BulkResult } from '../../src/contract/bulk.ts';
export type { TeamDto } from '../../src/contract/users.ts';
export type { ObjectionDto } from '../../src/contract/objections.ts';
export type { ScriptDto, ScriptVersionDto } from '../../src/contract/scripts.ts';

/** GET /auth/session and POST /auth/sign-in. */
export interface Session {
  user: UserDto;
  organizationId: string;
  csrfToken: string | null;
}

/** One entry of GET /<entity>/:id/timeline. */
export interface TimelineEntry {
  id: number;
  seq: number | null;
  type: string;
  /** The record the event belongs to: after a merge, a survivor's timeline also lists the merged record's events. */
  entityId?: string;
  occurredAt: string;
  businessTime: string | null;
  imported: boolean;
  actor: { id: string; name: string | null } | null;
  data: Record<string, unknown>;
}
