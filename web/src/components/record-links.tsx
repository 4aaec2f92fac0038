import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '../api.ts';

/*
 * Links to related records by id, showing their names. Each name is one cached GET of the record;
 * a record the user may not see shows as "not visible" instead of failing the page.
 */

export const accountQuery = (id: string) => ({
  queryKey: ['account', id],
  queryFn: () => api.get('/accounts/{id}', { params: { path: { id } } }),
  staleTime: 30_000,
});
export const contactQuery = (id: string) => ({
  queryKey: ['contact', id],
  queryFn: () => api.get('/contacts/{id}', { params: { path: { id } } }),
  staleTime: 30_000,
});
export const leadQuery = (id: string) => ({
  queryKey: ['lead', id],
  queryFn: () => api.get('/leads/{id}', { params: { path: { id } } }),
  staleTime: 30_000,
});
export const dealByIdQuery = (id: string) => ({
  queryKey: ['deal', id],
  queryFn: () => api.get('/deals/{id}', { params: { path: { id } } }),
  staleTime: 30_000,
});

export const contactName = (c: { firstName: string | null; lastName: string }) =>
  [c.firstName, c.lastName].filter(Boolean).join(' ');

export function AccountLink({ id }: { id: string | null }) {
  const q = useQuery({ ...accountQuery(id ?? ''), enabled: id !== null });
  if (!id) return <span className="muted">—</span>;
  if (q.isError) return <span className="muted">not visible</span>;
  return (
    <Link to="/accounts/$accountId" params={{ accountId: id }}>
      {q.data?.name ?? '…'}
    </Link>
  );
}

export function ContactLink({ id }: { id: string | null }) {
  const q = useQuery({ ...contactQuery(id ?? ''), enabled: id !== null });
  if (!id) return <span className="muted">—</span>;
  if (q.isError) return <span className="muted">not visible</span>;
  return (
    <Link to="/contacts/$contactId" params={{ contactId: id }}>
      {q.data ? contactName(q.data) : '…'}
    </Link>
  );
}

export function LeadLink({ id }: { id: string | null }) {
  const q = useQuery({ ...leadQuery(id ?? ''), enabled: id !== null });
  if (!id) return <span className="muted">—</span>;
  if (q.isError) return <span className="muted">not visible</span>;
  return (
    <Link to="/leads/$leadId" params={{ leadId: id }}>
      {q.data ? contactName(q.data) : '…'}
    </Link>
  );
}

export function DealLink({ id }: { id: string | null }) {
  const q = useQuery({ ...dealByIdQuery(id ?? ''), enabled: id !== null });
  if (!id) return <span className="muted">—</span>;
  if (q.isError) return <span className="muted">not visible</span>;
  return (
    <Link to="/deals/$dealId" params={{ dealId: id }}>
      {q.data?.name ?? '…'}
    </Link>
  );
}
