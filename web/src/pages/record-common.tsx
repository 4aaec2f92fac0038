import { Link } from '@tanstack/react-router';
import { ApiError } from '../api.ts';
import type { EditableField } from '../components/inline-fields.tsx';
import { nameOf } from '../queries.ts';
import type { ActivityDto, UserDto } from '../types.ts';
import { formatDateTime } from '../format.ts';

export const words = (v: string) => v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ');

/** The owner as an editable field: a choice of the organization's active users, or nobody. */
export function ownerField(users: UserDto[] | undefined, ownerId: string | null): EditableField {
  return {
    key: 'ownerId',
    label: 'Owner',
    value: ownerId ?? '',
    display: nameOf(users, ownerId),
    input: 'select',
    options: [
      { value: '', label: 'Unassigned' },
      ...(users ?? []).filter((u) => u.active || u.id === ownerId).map((u) => ({ value: u.id, label: u.name })),
    ],
    toPatch: (v) => ({ ownerId: v === '' ? null : v }),
  };
}

/** The fields as they may be changed: all read-only for a role that may not edit the record (`canEdit`). */
export function editableBy(editable: boolean, fields: EditableField[]): EditableField[] {
  return editable ? fields : fields.map((f) => ({ ...f, readOnly: true }));
}

/** One activity in a related list: type, when, subject and outcome. */
export function activityLine(a: ActivityDto) {
  const when = a.occurredAt ?? a.dueAt ?? a.createdAt;
  return (
    <>
      <strong>{words(a.type)}</strong> <span className="muted">{formatDateTime(when)}</span>
      {a.subject && <> · {a.subject}</>}
      {a.disposition && <span className="badge">{words(a.disposition)}</span>}
    </>
  );
}

/** A record page that could not load: not found (or not visible) versus a failure to retry. */
export function RecordError({
  noun,
  error,
  list,
}: {
  noun: string;
  error: Error;
  list: '/accounts' | '/contacts' | '/leads' | '/deals';
}) {
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <div className="notice error" role="alert">
      <p>
        {missing
          ? `This ${noun} does not exist, was deleted, or is not visible to you.`
          : `The ${noun} could not be loaded: ${error.message}. Reload the page to try again.`}
      </p>
      <Link to={list}>Back to the {noun}s</Link>
    </div>
  );
}
