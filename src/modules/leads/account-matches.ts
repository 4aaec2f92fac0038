import type { Actor } from '../../contract/access.ts';
import {
  emailDomain,
  matchAccounts,
  nameWords,
  normalizeDomain,
  type AccountMatch,
} from '../../contract/account-match.ts';
import { accountMatchCandidates } from '../accounts/accounts.service.ts';
import type { Deps } from '../context.ts';
import { getLead } from './leads.service.ts';

/** Candidates read per lead: enough for any real set of look-alikes, bounded whatever the data. */
const CANDIDATES = 100;

/**
 * The existing accounts a lead may belong to, best first, each with the reason: the same web
 * domain (company domain or work email), then a similar company name. Only accounts the actor can
 * see are proposed (linking one needs that too).
 */
export async function accountMatchesForLead(
  deps: Deps,
  actor: Actor,
  leadId: string,
): Promise<{ items: AccountMatch[] }> {
  const lead = await getLead(deps, actor, leadId);
  const domains = [normalizeDomain(lead.companyDomain), emailDomain(lead.email)].filter((d): d is string => d !== null);
  const words = lead.company ? nameWords(lead.company).filter((w) => w.length >= 3) : [];
  const candidates = await accountMatchCandidates(deps, actor, {
    domains: [...new Set(domains)],
    words: [...new Set(words)],
    limit: CANDIDATES,
  });
  return { items: matchAccounts(lead, candidates).slice(0, 5) };
}
