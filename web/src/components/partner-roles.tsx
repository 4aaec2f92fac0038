import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { canReadConflicts } from '../../../src/contract/access.ts';
import { api } from '../api.ts';
import { useActor } from '../permissions.ts';
import type { DealDto } from '../types.ts';
import { AccountLink } from './record-links.tsx';

/**
 * The names of the partner accounts on deals, from the distributor–reseller links the user reads
 * (a partner: the links it is on; channel managers and auditors: all of them). Same query key as
 * the two-tier screens, so one request serves both.
 */
function usePartnerNames(): (id: string) => ReactNode {
  const actor = useActor();
  const enabled = actor !== null && (actor.role === 'partner' || canReadConflicts(actor));
  const links = useQuery({
    queryKey: ['partner-resellers'],
    queryFn: async () => (await api.get('/partner-resellers')).items,
    enabled,
    staleTime: 60_000,
  });
  const names = new Map<string, string>();
  for (const l of links.data ?? []) {
    names.set(l.distributorAccountId, l.distributorName);
    names.set(l.resellerAccountId, l.resellerName);
  }
  return (id) => {
    const known = names.get(id);
    if (known) return known;
    if (enabled && links.isPending) return '…';
    // A partner reads no accounts: a partner account not on its links is its own (one-tier) or not told.
    if (actor?.role === 'partner') return id === actor.partnerAccountId ? 'your account' : 'another partner';
    return <AccountLink id={id} />;
  };
}

/**
 * Who a partner deal belongs to: its partner (the reseller) and, two-tier, the distributor it was
 * registered through. Nothing for a direct deal.
 */
export function PartnerRoles({ deal }: { deal: Pick<DealDto, 'partnerAccountId' | 'distributorAccountId'> }) {
  const name = usePartnerNames();
  if (!deal.partnerAccountId) return null;
  if (!deal.distributorAccountId)
    return <span data-testid="partner-roles">Partner: {name(deal.partnerAccountId)}</span>;
  return (
    <span data-testid="partner-roles">
      Reseller: {name(deal.partnerAccountId)} · Distributor: {name(deal.distributorAccountId)}
    </span>
  );
}
