import { z } from 'zod';
import { domainSchema } from './accounts.ts';
import {
  dateTimeSchema,
  emailSchema,
  idSchema,
  listQueryBase,
  nameSchema,
  optionalText,
  phoneSchema,
  queryList,
} from './common.ts';
import { AppError, type FieldProblem } from './errors.ts';
import { lifecycleStageSchema } from './marketing.ts';

export const leadStatuses = ['new', 'working', 'qualified', 'disqualified', 'converted'] as const;
export const leadStatusSchema = z.enum(leadStatuses);
export type LeadStatus = z.infer<typeof leadStatusSchema>;

/** Statuses a user may set directly; a lead becomes `converted` only through conversion. */
export const settableLeadStatuses = ['new', 'working', 'qualified', 'disqualified'] as const;
const settableLeadStatusSchema = z.enum(settableLeadStatuses, {
  message: 'must be new, working, qualified or disqualified (a lead becomes converted only by converting it)',
});

export const leadSchema = z.object({
  id: idSchema,
  externalId: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  companyDomain: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.string().nullable(),
  campaignId: idSchema.nullable(),
  status: leadStatusSchema,
  disqualifiedReason: z.string().nullable(),
  ownerId: idSchema.nullable(),
  convertedAt: z.string().nullable(),
  convertedAccountId: idSchema.nullable(),
  convertedContactId: idSchema.nullable(),
  convertedDealId: idSchema.nullable(),
  /**
   * Business time of the latest call, email or meeting logged on the lead; null while untouched.
   * With `createdAt` it gives the lead's age and how long it has gone untouched.
   */
  lastTouchedAt: z.string().nullable(),
  /** Where the lead stands in the marketing lifecycle (subscriber, lead, mql, sql, opportunity, customer). */
  lifecycleStage: lifecycleStageSchema,
  /** Why the lead was last sent back in the lifecycle (a recycle). */
  recycleReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type LeadDto = z.infer<typeof leadSchema>;

export const createLeadSchema = z.strictObject({
  firstName: z.string().trim().max(200).nullable().optional(),
  lastName: nameSchema,
  email: emailSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  title: optionalText(300),
  company: optionalText(300),
  companyDomain: domainSchema.nullable().optional(),
  industry: optionalText(200),
  source: z.string().trim().max(100).nullable().optional(),
  /** The campaign the lead came from. */
  campaignId: idSchema.nullable().optional(),
  status: settableLeadStatusSchema.optional(),
  disqualifiedReason: z.string().trim().min(1, 'must not be empty').max(2000).nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  externalId: z.string().max(200).nullable().optional(),
});
export type CreateLeadInput = z.infer<typeof createLeadSchema>;

export const updateLeadSchema = createLeadSchema.partial();
export type UpdateLeadInput = z.infer<typeof updateLeadSchema>;

export const listLeadsQuery = listQueryBase.extend({
  sort: z.enum(['created_at', 'updated_at', 'last_name']).default('created_at'),
  /** One status, several repeated (`status=new&status=working`) or a comma list (`status=new,working`). */
  status: queryList(leadStatusSchema, leadStatuses.length).optional(),
  ownerId: idSchema.optional(),
  source: z.string().trim().max(100).optional(),
  createdFrom: dateTimeSchema.optional(),
  createdTo: dateTimeSchema.optional(),
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuery>;

/**
 * A converted lead is history: its account, contact and deal carry the story on, and attribution
 * reads the lead as it was when converted. Throws invalid_transition for any change to it.
 */
export function assertLeadEditable(status: string): void {
  if (status === 'converted') {
    throw new AppError(
      'invalid_transition',
      'A converted lead cannot be changed; edit the account, contact or deal it became instead',
      {
        // not `status`: problem+json uses that name for the HTTP status
        details: { leadStatus: status },
      },
    );
  }
}

/**
 * The disqualification reason after a change of status and/or reason. A reason is required while a
 * lead is disqualified and is cleared when the lead leaves that status, so an old reason never
 * describes a lead that is being worked again; sending a reason for any other status is an error.
 */
export function resolveDisqualifiedReason(
  status: LeadStatus,
  current: string | null,
  sent: string | null | undefined,
): { reason: string | null; problems: FieldProblem[] } {
  if (status === 'disqualified') {
    const reason = sent === undefined ? current : sent;
    return reason
      ? { reason, problems: [] }
      : {
          reason: null,
          problems: [{ field: 'disqualifiedReason', message: 'is required when the status is disqualified' }],
        };
  }
  if (sent)
    return {
      reason: null,
      problems: [{ field: 'disqualifiedReason', message: 'applies only when the status is disqualified' }],
    };
  return { reason: null, problems: [] };
}
