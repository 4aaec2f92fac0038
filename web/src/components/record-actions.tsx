import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { canCreate } from '../../../src/contract/access.ts';
import { sessionQuery } from '../session.ts';
import { LogCallDialog } from './log-call-dialog.tsx';
import { RecordFormDialog, type NewRecordKind, type RecordLinks } from './record-form-dialog.tsx';

type Open = { kind: 'call' } | { kind: NewRecordKind };

/**
 * The activity actions of a record page: log a call or a meeting, add a task or a note about the
 * record, and (on an account) add a contact to it. Offered only to roles that may create them.
 */
export function RecordActions({
  links,
  name,
  withContact = false,
}: {
  links: RecordLinks;
  name: string;
  withContact?: boolean;
}) {
  const session = useQuery(sessionQuery).data;
  const [open, setOpen] = useState<Open | null>(null);
  if (!session) return null;
  const activities = canCreate(session.user, 'activity');
  const contacts = withContact && canCreate(session.user, 'contact');
  if (!activities && !contacts) return null;
  return (
    <>
      {activities && (
        <>
          <button type="button" onClick={() => setOpen({ kind: 'call' })}>
            Log call
          </button>
          <button type="button" onClick={() => setOpen({ kind: 'meeting' })}>
            Log meeting
          </button>
          <button type="button" onClick={() => setOpen({ kind: 'task' })}>
            New task
          </button>
          <button type="button" onClick={() => setOpen({ kind: 'note' })}>
            Add note
          </button>
        </>
      )}
      {contacts && (
        <button type="button" onClick={() => setOpen({ kind: 'contact' })}>
          New contact
        </button>
      )}
      {open?.kind === 'call' && <LogCallDialog target={{ ...links, name }} onClose={() => setOpen(null)} />}
      {open && open.kind !== 'call' && (
        <RecordFormDialog kind={open.kind} links={links} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
