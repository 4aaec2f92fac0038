import type { DbExecutor } from '../../db/database.ts';
import { inScope, scopeFor, type Actor } from '../../contract/access.ts';
import { AppError, invalid, type FieldProblem } from '../../contract/errors.ts';
import {
  accountInputFromLead,
  assertLeadConvertible,
  contactInputFromLead,
  dealInputFromLead,
  type ConvertLeadInput,
  type ConvertLeadResult,
} from '../../contract/lead-conversion.ts';
import { assertCanWrite } from '../access.ts';
import type { AccountRow } from '../accounts/accounts.repository.ts';
import { accountRow } from '../accounts/accounts.service.ts';
import { insertAccountTx, toAccountDto } from '../accounts/accounts.service.ts';
import type { ContactRow } from '../contacts/contacts.repository.ts';
import { contactRow } from '../contacts/contacts.service.ts';
import { insertContactTx, toContactDto } from '../contacts/contacts.service.ts';
import { write, type Deps } from '../context.ts';
import { toDealDto } from '../deals/deal-dto.ts';
import { insertDealTx } from '../deals/deals.service.ts';
import { checkVersion, type ExpectedVersion } from '../shared.ts';
import { lockLead } from './leads.repository.ts';
import { markLeadConverted, toLeadDto } from './leads.service.ts';

/**
 * Runs a create use case for one part of the conversion, naming its bad fields as the request
 * names them (`deal.create.amount`, not `amount`), so the client can point at the right input.
 */
async function underField<T>(prefix: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof AppError) || !err.fields) throw err;
    const fields = err.fields.map((f) => ({ field: `${prefix}.${f.field}`, message: f.message }));
    throw new AppError(err.code, err.message, { fields, details: err.details });
  }
}

const where = (accountId: string | null) => (accountId ? `at account ${accountId}` : 'at no account');

/**
 * A linked contact keeps its account: conversion does not move people between accounts (that is
 * an edit of the contact, with its own history), so the contact must already be where the lead goes.
 */
function contactPlacementProblem(contact: ContactRow, account: ConvertLeadInput['account']): FieldProblem | null {
  if (account?.create)
    return {
      field: 'contact.id',
      message: `is ${where(contact.account_id)}, not at the account this conversion creates; link that account or create the contact`,
    };
  const target = account?.id ?? null;
  if (contact.account_id === target) return null;
  return {
    field: 'contact.id',
    message: `is ${where(contact.account_id)}, not ${where(target)} as this conversion is`,
  };
}

interface Links {
  account: AccountRow | null;
  contact: ContactRow | null;
  problems: FieldProblem[];
}

/**
 * The existing records the request links, checked together so one answer names every bad link.
 * Records outside the actor's read scope are reported like missing ones, revealing nothing.
 */
async function loadLinks(trx: DbExecutor, actor: Actor, input: ConvertLeadInput): Promise<Links> {
  const links: Links = { account: null, contact: null, problems: [] };
  const accountId = input.account?.id;
  if (accountId) {
    const row = await accountRow(trx, actor.orgId, accountId);
    if (row && inScope(scopeFor(actor, 'account', 'read'), { ownerId: row.owner_id })) links.account = row;
    else links.problems.push({ field: 'account.id', message: 'is not an account you can see in this organization' });
  }
  const contactId = input.contact?.id;
  if (contactId) {
    const row = await contactRow(trx, actor.orgId, contactId);
    if (!row || !inScope(scopeFor(actor, 'contact', 'read'), { ownerId: row.owner_id })) {
      links.problems.push({ field: 'contact.id', message: 'is not a contact you can see in this organization' });
    } else {
      links.contact = row;
      const placement = contactPlacementProblem(row, input.account);
      if (placement) links.problems.push(placement);
    }
  }
  return links;
}

/**
 * Converts a lead into an account (or none, for a B2C consumer), a contact and optionally a deal,
 * creating or linking each, and marks the lead converted. Everything, events included, happens in
 * one transaction: when any part is refused, nothing is written. The lead's row is locked first,
 * so of two simultaneous conversions the second finds the lead converted and is refused.
 */
export async function convertLead(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: ConvertLeadInput,
): Promise<ConvertLeadResult> {
  return write(deps, actor.orgId, async (trx) => {
    const row = assertCanWrite(actor, 'lead', await lockLead(trx, actor.orgId, id), id);
    assertLeadConvertible(row.status);
    checkVersion('lead', id, row.version, expected);
    const lead = toLeadDto(row);

    const links = await loadLinks(trx, actor, input);
    const accountCreate = input.account?.create ? accountInputFromLead(lead, actor.userId, input.account.create) : null;
    const problems = [...links.problems, ...(accountCreate?.problems ?? [])];
    if (problems.length) throw invalid(problems);

    const newAccount = accountCreate?.input;
    const account =
      links.account ??
      (newAccount ? await underField('account.create', () => insertAccountTx(trx, deps, actor, newAccount)) : null);
    const accountId = account?.id ?? null;
    const contact =
      links.contact ??
      (await underField('contact.create', () =>
        insertContactTx(
          trx,
          deps,
          actor,
          contactInputFromLead(lead, actor.userId, input.contact?.create ?? {}, accountId),
        ),
      ));
    const dealCreate = input.deal?.create;
    const deal = dealCreate
      ? await underField('deal.create', () =>
          insertDealTx(
            trx,
            deps,
            actor,
            dealInputFromLead(lead, actor.userId, dealCreate, {
              accountId,
              accountName: account?.name ?? null,
              contactId: contact.id,
            }),
          ),
        )
      : null;

    const dealId = deal?.deal.id ?? null;
    const converted = await markLeadConverted(trx, deps, actor, id, expected, {
      accountId,
      contactId: contact.id,
      dealId,
    });
    const created = {
      account: account !== null && links.account === null,
      contact: links.contact === null,
      deal: deal !== null,
    };
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'lead',
        entityId: id,
        type: 'lead.converted',
        data: { accountId, contactId: contact.id, dealId, created },
      },
    ]);
    return {
      lead: converted,
      account: account ? toAccountDto(account) : null,
      contact: toContactDto(contact),
      deal: deal ? toDealDto(deal) : null,
    };
  });
}
