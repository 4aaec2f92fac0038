import { camelSnapshot } from '../../contract/events/casing.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { inScope, relatedDealScope, scopeFor, type Actor } from '../../contract/access.ts';
import type { ContactDto, CreateContactInput, ListContactsQuery, UpdateContactInput } from '../../contract/contacts.ts';
import { type FieldProblem } from '../../contract/errors.ts';
import { accountRow } from '../accounts/accounts.service.ts';
import { changeEvents } from '../shared.ts';
import { assertCanCreate, assertCanRead, assertCanWrite, onVisibleDeal, resolveOwner } from '../access.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, toPage, withProblems, type ExpectedVersion } from '../shared.ts';
import * as repo from './contacts.repository.ts';

export function toContactDto(r: repo.ContactRow): ContactDto {
  return {
    id: r.id,
    externalId: r.external_id,
    accountId: r.account_id,
    firstName: r.first_name,
    lastName: r.last_name,
    title: r.title,
    emails: r.emails,
    phones: r.phones,
    ownerId: r.owner_id,
    doNotContact: r.do_not_contact,
    emailOptOut: r.email_opt_out,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** Fields recorded in contact events (snake_case, as stored). */
const auditFields = [
  'external_id',
  'account_id',
  'first_name',
  'last_name',
  'title',
  'emails',
  'phones',
  'owner_id',
  'do_not_contact',
  'email_opt_out',
] as const;

/** The contact as events record it (the audited fields, as stored). */
export function contactSnapshot(r: repo.ContactRow): Record<string, unknown> {
  return camelSnapshot(Object.fromEntries(auditFields.map((f) => [f, r[f]])));
}

function patchFrom(input: UpdateContactInput): repo.ContactPatch {
  const p: repo.ContactPatch = {};
  if (input.accountId !== undefined) p.account_id = input.accountId;
  if (input.firstName !== undefined) p.first_name = input.firstName;
  if (input.lastName !== undefined) p.last_name = input.lastName;
  if (input.title !== undefined) p.title = input.title;
  if (input.emails !== undefined) p.emails = JSON.stringify(input.emails);
  if (input.phones !== undefined) p.phones = JSON.stringify(input.phones);
  if (input.doNotContact !== undefined) p.do_not_contact = input.doNotContact;
  if (input.emailOptOut !== undefined) p.email_opt_out = input.emailOptOut;
  if (input.externalId !== undefined) p.external_id = input.externalId;
  return p;
}

/**
 * A contact may only be put at an account the actor can see: otherwise a rep could attach people
 * to (and so learn about) accounts outside their scope.
 */
async function checkAccount(
  trx: DbExecutor,
  actor: Actor,
  accountId: string | null | undefined,
): Promise<FieldProblem[]> {
  if (!accountId) return [];
  const account = await accountRow(trx, actor.orgId, accountId);
  if (
    account &&
    (inScope(scopeFor(actor, 'account', 'read'), { ownerId: account.owner_id }) ||
      (await onVisibleDeal(trx, actor, 'account', account)))
  )
    return [];
  return [{ field: 'accountId', message: 'is not an account of this organization that you can see' }];
}

/**
 * Inserts a contact and records `contact.created` inside the caller's transaction, so that
 * conversion can create it together with the account, deal and lead change it belongs to.
 */
export async function insertContactTx(
  trx: DbExecutor,
  deps: Deps,
  actor: Actor,
  input: CreateContactInput,
): Promise<repo.ContactRow> {
  assertCanCreate(actor, 'contact');
  const now = deps.clock.now();
  const id = deps.ids.id();
  const problems = await checkAccount(trx, actor, input.accountId);
  const ownerId = await withProblems(problems, () => resolveOwner(trx, actor, 'contact', input.ownerId, actor.userId));
  const inserted = await repo.insertContact(trx, {
    org_id: actor.orgId,
    id,
    external_id: input.externalId ?? null,
    account_id: input.accountId ?? null,
    first_name: input.firstName ?? null,
    last_name: input.lastName,
    title: input.title ?? null,
    emails: JSON.stringify(input.emails ?? []),
    phones: JSON.stringify(input.phones ?? []),
    owner_id: ownerId,
    do_not_contact: input.doNotContact ?? false,
    email_opt_out: input.emailOptOut ?? false,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  await deps.eventLog.append(trx, actor, [
    { entityType: 'contact', entityId: id, type: 'contact.created', data: { after: contactSnapshot(inserted) } },
  ]);
  return inserted;
}

export async function createContact(deps: Deps, actor: Actor, input: CreateContactInput): Promise<ContactDto> {
  return toContactDto(await write(deps, actor.orgId, (trx) => insertContactTx(trx, deps, actor, input)));
}

export async function getContact(deps: Deps, actor: Actor, id: string): Promise<ContactDto> {
  const row = await repo.getContact(deps.db, actor.orgId, id);
  return toContactDto(assertCanRead(actor, 'contact', row, id, await onVisibleDeal(deps.db, actor, 'contact', row)));
}

export async function listContacts(
  deps: Deps,
  actor: Actor,
  q: ListContactsQuery,
): Promise<{ items: ContactDto[]; nextCursor: string | null }> {
  const rows = await repo.listContacts(
    deps.db,
    actor.orgId,
    scopeFor(actor, 'contact', 'read'),
    relatedDealScope(actor, 'contact'),
    q,
  );
  const sortColumn = repo.contactSortColumns[q.sort];
  return toPage(rows, q.limit, toContactDto, (r) => encodeCursor(r[sortColumn], r.id));
}

export async function updateContact(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateContactInput,
): Promise<ContactDto> {
  const row = await write(deps, actor.orgId, async (trx) => {
    const locked = await repo.lockContact(trx, actor.orgId, id);
    const before = assertCanWrite(actor, 'contact', locked, id, await onVisibleDeal(trx, actor, 'contact', locked));
    const version = checkVersion('contact', id, before.version, expected);
    const patch = patchFrom(input);
    // Only a changed account is checked, so an unchanged form field cannot fail on an account that
    // has since left the actor's scope.
    const problems =
      input.accountId !== undefined && input.accountId !== before.account_id
        ? await checkAccount(trx, actor, input.accountId)
        : [];
    // The owner is resolved only when sent: a record whose owner has since left stays editable.
    const owner = input.ownerId;
    patch.owner_id = await withProblems(problems, async () =>
      owner === undefined ? before.owner_id : resolveOwner(trx, actor, 'contact', owner, before.owner_id),
    );
    const after = await repo.updateContact(trx, actor.orgId, id, version, { ...patch, updated_at: deps.clock.now() });
    await deps.eventLog.append(
      trx,
      actor,
      changeEvents('contact', id, contactSnapshot(before), contactSnapshot(after)),
    );
    return after;
  });
  return toContactDto(row);
}

export async function deleteContact(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  await write(deps, actor.orgId, async (trx) => {
    const locked = await repo.lockContact(trx, actor.orgId, id);
    const before = assertCanWrite(actor, 'contact', locked, id, await onVisibleDeal(trx, actor, 'contact', locked));
    const version = checkVersion('contact', id, before.version, expected);
    const now = deps.clock.now();
    await repo.updateContact(trx, actor.orgId, id, version, { deleted_at: now, updated_at: now });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'contact', entityId: id, type: 'contact.deleted', data: { before: contactSnapshot(before) } },
    ]);
  });
}

/** A contact's row by id, unchecked: for other modules' use cases that apply their own access rule to it. */
export async function contactRow(db: DbExecutor, orgId: string, id: string): Promise<repo.ContactRow | undefined> {
  return repo.getContact(db, orgId, id);
}
