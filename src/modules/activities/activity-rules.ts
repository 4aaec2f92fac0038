import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../contract/access.ts';
import { inScope, scopeFor } from '../../contract/access.ts';
import {
  activityLinkFields,
  activityVariants,
  type ActivityFields,
  type ActivityLinkField,
  type ActivityType,
} from '../../contract/activities.ts';
import type { FieldProblem } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { ActivitiesTable } from '../../db/schema.ts';
import { scriptVersionExists } from '../scripts/scripts.service.ts';
import { getLinkTarget, type ActivityRow, type LinkEntity } from './activities.repository.ts';

const linkEntity: Record<ActivityLinkField, LinkEntity> = {
  dealId: 'deal',
  contactId: 'contact',
  accountId: 'account',
  leadId: 'lead',
};

export type Links = Record<ActivityLinkField, string | null>;

type Columns<K extends keyof ActivitiesTable> = Required<Pick<Insertable<ActivitiesTable>, K>>;
export type CommonColumns = Columns<
  'external_id' | 'subject' | 'body' | 'deal_id' | 'contact_id' | 'account_id' | 'lead_id' | 'agent_side'
>;
export type TypeColumns = Columns<
  | 'occurred_at'
  | 'due_at'
  | 'completed_at'
  | 'call_direction'
  | 'call_disposition'
  | 'duration_seconds'
  | 'script_id'
  | 'script_version'
  | 'meeting_start'
  | 'meeting_end'
  | 'location'
  | 'attendees'
  | 'meeting_outcome'
  | 'email_direction'
>;

/**
 * Checks what an activity is about: at least one link, and every newly set link must be a live
 * record of the organization that the actor can read. Unknown and invisible records get the same
 * answer, so the check does not reveal records outside the actor's scope.
 */
export async function checkLinks(
  db: DbExecutor,
  actor: Actor,
  links: Links,
  changed: readonly ActivityLinkField[],
): Promise<FieldProblem[]> {
  if (activityLinkFields.every((f) => links[f] === null)) {
    return activityLinkFields.map((field) => ({
      field,
      message: 'one of dealId, contactId, accountId or leadId is required',
    }));
  }
  const problems: FieldProblem[] = [];
  for (const field of changed) {
    const id = links[field];
    if (id === null) continue;
    const entity = linkEntity[field];
    const target = await getLinkTarget(db, actor.orgId, entity, id);
    const readable =
      target &&
      inScope(scopeFor(actor, entity, 'read'), {
        ownerId: target.owner_id,
        partnerAccountId: target.partner_account_id,
      });
    if (!readable) problems.push({ field, message: `is not a ${entity} of this organization that you can see` });
  }
  return problems;
}

function issueProblems(type: ActivityType, issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({
        field: path ? `${path}.${k}` : k,
        message: `is not a field of a ${type} activity`,
      }));
    }
    return [{ field: path || 'body', message: issue.message }];
  });
}

/** Validates an activity's fields against its type's own schema (used for the merged record of an update). */
export function validateForType(
  type: ActivityType,
  fields: Record<string, unknown>,
): { ok: true; value: ActivityFields } | { ok: false; problems: FieldProblem[] } {
  const r = activityVariants[type].safeParse({ ...fields, type });
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: issueProblems(type, r.error.issues) };
}

/** The fields of `type` picked from a flat record (such as the DTO of a stored activity). */
export function pickTypeFields(type: ActivityType, record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(activityVariants[type].shape)
      .filter((k) => k !== 'type' && k in record)
      .map((k) => [k, record[k]]),
  );
}

const date = (v: string | null | undefined): Date | null => (v ? new Date(v) : null);

/** Columns shared by all types. */
export function commonColumns(f: ActivityFields): CommonColumns {
  return {
    external_id: f.externalId ?? null,
    subject: f.subject ?? null,
    body: f.body ?? null,
    deal_id: f.dealId ?? null,
    contact_id: f.contactId ?? null,
    account_id: f.accountId ?? null,
    lead_id: f.leadId ?? null,
    agent_side: f.agentSide ?? null,
  };
}

/** A side of a deal needs the deal: an activity with an agent side must be on one. */
export function agentSideProblems(f: { agentSide?: string | null; dealId?: string | null }): FieldProblem[] {
  return f.agentSide && !f.dealId
    ? [{ field: 'agentSide', message: 'needs a dealId: a side is a side of a deal' }]
    : [];
}

/**
 * A call's pitch-script version: both fields or neither, and an existing version of a script of
 * the organization (the organization's reference data: the answer says only whether it exists).
 */
export async function scriptProblems(
  db: DbExecutor,
  orgId: string,
  f: { scriptId?: string | null; scriptVersion?: number | null },
): Promise<FieldProblem[]> {
  const id = f.scriptId ?? null;
  const version = f.scriptVersion ?? null;
  if (id === null && version === null) return [];
  if (id === null) return [{ field: 'scriptId', message: 'is required with scriptVersion' }];
  if (version === null) return [{ field: 'scriptVersion', message: 'is required with scriptId' }];
  if (await scriptVersionExists(db, orgId, id, version)) return [];
  return [{ field: 'scriptVersion', message: 'is not a version of a pitch script of this organization' }];
}

/**
 * The type's columns, with every other type's columns cleared. `occurred_at` is the business time
 * (a call or email defaults to now, a meeting happens at its start, a note when it was written);
 * a task has a due date instead and is completed once, at the time it was first marked done.
 */
export function typeColumns(f: ActivityFields, prev: ActivityRow | null, now: Date): TypeColumns {
  const none: TypeColumns = {
    occurred_at: null,
    due_at: null,
    completed_at: null,
    call_direction: null,
    call_disposition: null,
    duration_seconds: null,
    script_id: null,
    script_version: null,
    meeting_start: null,
    meeting_end: null,
    location: null,
    attendees: '[]',
    meeting_outcome: null,
    email_direction: null,
  };
  switch (f.type) {
    case 'call':
      return {
        ...none,
        occurred_at: date(f.occurredAt) ?? now,
        call_direction: f.direction,
        call_disposition: f.disposition,
        duration_seconds: f.durationSeconds ?? null,
        script_id: f.scriptId ?? null,
        script_version: f.scriptId ? (f.scriptVersion ?? null) : null,
      };
    case 'meeting':
      return {
        ...none,
        occurred_at: new Date(f.start),
        meeting_start: new Date(f.start),
        meeting_end: date(f.end),
        location: f.location ?? null,
        attendees: JSON.stringify(f.attendees ?? []),
        meeting_outcome: f.outcome ?? null,
      };
    case 'email':
      return { ...none, occurred_at: date(f.occurredAt) ?? now, email_direction: f.direction };
    case 'task':
      return { ...none, due_at: date(f.dueAt), completed_at: f.completed ? (prev?.completed_at ?? now) : null };
    case 'note':
      return { ...none, occurred_at: prev?.occurred_at ?? now };
  }
}
