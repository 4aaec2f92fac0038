import { z } from 'zod';
import { accountSchema, createAccountSchema, type CreateAccountInput } from './accounts.ts';
import { idSchema, nameSchema } from './common.ts';
import { contactSchema, createContactSchema, type CreateContactInput } from './contacts.ts';
import { contactRoleKinds, createDealSchema, dealSchema, type CreateDealInput } from './deals.ts';
import { AppError, type FieldProblem } from './errors.ts';
import { leadSchema, type LeadDto } from './leads.ts';

/** Link an existing record by id, or create a new one: exactly one of the two. */
function linkOrCreate<C extends z.ZodType>(entity: string, create: C) {
  return z
    .strictObject({
      id: idSchema.optional().describe(`An existing ${entity} to link; you must be able to see it`),
      create: create.optional().describe(`A new ${entity}; omitted fields default from the lead`),
    })
    .refine((v) => (v.id === undefined) !== (v.create === undefined), {
      message: `must have either id (link an existing ${entity}) or create (make a new one)`,
    });
}

const accountCreateSchema = createAccountSchema.extend({
  name: nameSchema.optional().describe("Defaults to the lead's company"),
});

/** The contact goes to the account of the conversion, so it takes no accountId of its own. */
const contactCreateSchema = createContactSchema.omit({ accountId: true }).extend({
  lastName: nameSchema.optional().describe("Defaults to the lead's last name"),
});

/** The account and primary contact of the deal are the conversion's own. */
const dealCreateSchema = createDealSchema.omit({ accountId: true, primaryContactId: true, contactRoles: true }).extend({
  name: nameSchema.optional().describe('Defaults to "<company or person> – new deal"'),
  contactRole: z
    .enum(contactRoleKinds)
    .optional()
    .describe("The contact's role on the deal; without it the contact is only the primary contact"),
});

export const convertLeadSchema = z
  .strictObject({
    account: linkOrCreate('account', accountCreateSchema)
      .nullable()
      .optional()
      .describe(
        'The account the lead becomes (B2B). Null or absent: a B2C consumer, converted to a contact without an account',
      ),
    contact: linkOrCreate('contact', contactCreateSchema)
      .optional()
      .describe(
        'The person the lead becomes. Absent: a new contact made from the lead. A linked contact must be at the same account as the conversion (or at none for B2C)',
      ),
    deal: z
      .strictObject({
        create: dealCreateSchema.describe(
          'A new deal for the account and contact; omitted fields default from the lead',
        ),
      })
      .nullable()
      .optional()
      .describe('Null or absent: convert without a deal'),
  })
  .describe('Owners of created records default to the owner of the lead (or you, when the lead has none)');
export type ConvertLeadInput = z.infer<typeof convertLeadSchema>;
export type AccountCreateFromLead = z.infer<typeof accountCreateSchema>;
export type ContactCreateFromLead = z.infer<typeof contactCreateSchema>;
export type DealCreateFromLead = z.infer<typeof dealCreateSchema>;

export const convertLeadResultSchema = z.object({
  lead: leadSchema,
  account: accountSchema.nullable(),
  contact: contactSchema,
  deal: dealSchema.nullable(),
});
export type ConvertLeadResult = z.infer<typeof convertLeadResultSchema>;

/**
 * Only open leads convert. A converted lead is history, and a disqualified one was judged not to
 * be an opportunity: it is reopened first (status working or qualified), so the log shows that
 * judgement being reversed rather than a conversion silently overriding it.
 */
export function assertLeadConvertible(status: string): void {
  if (status === 'converted') {
    throw new AppError('invalid_transition', 'The lead is already converted', { details: { leadStatus: status } });
  }
  if (status === 'disqualified') {
    throw new AppError(
      'invalid_transition',
      'A disqualified lead cannot be converted; reopen it (status working or qualified) first',
      { details: { leadStatus: status } },
    );
  }
}

/** Who owns the created records unless the request says otherwise: the lead's owner, else the converter. */
function defaultOwner(lead: LeadDto, actorId: string, sent: string | null | undefined): string | null {
  return sent !== undefined ? sent : (lead.ownerId ?? actorId);
}

/** The account to create: the sent fields over the lead's company, domain and industry. */
export function accountInputFromLead(
  lead: LeadDto,
  actorId: string,
  sent: AccountCreateFromLead,
): { input: CreateAccountInput | null; problems: FieldProblem[] } {
  const name = sent.name ?? lead.company;
  if (!name)
    return {
      input: null,
      problems: [
        { field: 'account.create.name', message: 'is required: the lead has no company to name the account after' },
      ],
    };
  return {
    input: {
      ...sent,
      name,
      domain: sent.domain !== undefined ? sent.domain : lead.companyDomain,
      industry: sent.industry !== undefined ? sent.industry : lead.industry,
      ownerId: defaultOwner(lead, actorId, sent.ownerId),
    },
    problems: [],
  };
}

/** The contact to create: the sent fields over the lead's name, title, email and phone. */
export function contactInputFromLead(
  lead: LeadDto,
  actorId: string,
  sent: ContactCreateFromLead,
  accountId: string | null,
): CreateContactInput {
  return {
    ...sent,
    accountId,
    firstName: sent.firstName !== undefined ? sent.firstName : lead.firstName,
    lastName: sent.lastName ?? lead.lastName,
    title: sent.title !== undefined ? sent.title : lead.title,
    emails: sent.emails ?? (lead.email ? [lead.email] : []),
    phones: sent.phones ?? (lead.phone ? [lead.phone] : []),
    ownerId: defaultOwner(lead, actorId, sent.ownerId),
  };
}

const DEAL_NAME_SUFFIX = ' – new deal';

/** "<company or person> – new deal", cut to fit a name's 300 characters. */
export function defaultDealName(lead: LeadDto, accountName: string | null): string {
  const person = [lead.firstName, lead.lastName].filter((p) => p).join(' ');
  const base = accountName ?? lead.company ?? person;
  return base.slice(0, 300 - DEAL_NAME_SUFFIX.length) + DEAL_NAME_SUFFIX;
}

/** The deal to create for the conversion's account and contact; the source defaults to the lead's. */
export function dealInputFromLead(
  lead: LeadDto,
  actorId: string,
  sent: DealCreateFromLead,
  links: { accountId: string | null; accountName: string | null; contactId: string },
): CreateDealInput {
  const { contactRole, ...fields } = sent;
  return {
    ...fields,
    name: sent.name ?? defaultDealName(lead, links.accountName),
    accountId: links.accountId,
    primaryContactId: links.contactId,
    contactRoles: contactRole ? [{ contactId: links.contactId, role: contactRole }] : [],
    source: sent.source !== undefined ? sent.source : lead.source,
    ownerId: defaultOwner(lead, actorId, sent.ownerId),
  };
}
