/**
 * Channel conflict matching: whether two parties (a registration, a deal) are after the same
 * customer for overlapping products, and why. Pure: the candidates are read elsewhere.
 */
import { cleanDomain, trigramSimilarity } from '../contract/name-match.ts';

/** A party to compare: the customer as written and the products it is about (empty: not said). */
export interface MatchParty {
  customerName: string;
  customerDomain: string | null;
  productIds: readonly string[];
}

export type MatchReasonKind = 'domain' | 'name' | 'similar_name' | 'products';
export interface MatchReason {
  kind: MatchReasonKind;
  detail: string;
}

/** Trigram similarity from which two normalised names are taken for the same customer. */
export const SIMILAR_NAME_THRESHOLD = 0.5;

/** Legal forms and filler words that do not tell one customer from another. */
const LEGAL_WORDS = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'sarl',
  'bv',
  'nv',
  'plc',
  'pty',
  'oy',
  'ab',
  'as',
  'spa',
  'srl',
  'kg',
  'the',
  'and',
  'group',
  'holding',
  'holdings',
]);

/**
 * A customer name reduced to what identifies it: lower case, accents and punctuation removed,
 * `&` read as "and", dots dropped, legal forms (Inc, GmbH, Ltd, …) and filler words dropped, spaces collapsed.
 * "ACME, Inc." and "Acme Incorporated" both become "acme".
 */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // "S.A." and "N.V." are one word
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  const kept = words.filter((w) => !LEGAL_WORDS.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
}

/** A domain without scheme, `www.`, port, path or trailing dot, lower case; null when there is none. */
export function normaliseDomain(domain: string | null): string | null {
  return cleanDomain(domain);
}

/**
 * Why two parties conflict, or null when they do not: the same customer (same domain, the same
 * normalised name, or names at least `SIMILAR_NAME_THRESHOLD` alike by trigrams) and products
 * that overlap (or are not said on one side, which cannot rule an overlap out). Every reason that
 * holds is given, so a reviewer sees the strength of the match.
 */
export function matchParties(a: MatchParty, b: MatchParty): MatchReason[] | null {
  const reasons: MatchReason[] = [];
  const da = normaliseDomain(a.customerDomain);
  const db = normaliseDomain(b.customerDomain);
  if (da !== null && da === db) reasons.push({ kind: 'domain', detail: `same domain ${da}` });
  const na = normaliseName(a.customerName);
  const nb = normaliseName(b.customerName);
  if (na !== '' && na === nb) reasons.push({ kind: 'name', detail: `same name once normalised: "${na}"` });
  else {
    const sim = trigramSimilarity(na, nb);
    if (sim >= SIMILAR_NAME_THRESHOLD)
      reasons.push({
        kind: 'similar_name',
        detail: `similar names "${na}" and "${nb}" (trigram similarity ${sim.toFixed(2)})`,
      });
  }
  if (reasons.length === 0) return null;
  if (a.productIds.length > 0 && b.productIds.length > 0) {
    const shared = a.productIds.filter((p) => b.productIds.includes(p));
    if (shared.length === 0) return null;
    reasons.push({ kind: 'products', detail: `${shared.length} product(s) in common` });
  } else reasons.push({ kind: 'products', detail: 'products not named on one side: an overlap cannot be ruled out' });
  return reasons;
}

/** One party of a conflict for the policy: when it started and how much it had done before. */
export interface PolicyParty {
  since: Date;
  /** Events of the party's record before the conflict was found (touches, stage moves, …). */
  earlierEvents: number;
}

/**
 * The party a policy favours. First to register: the earlier one (a tie is undecided).
 * Evidence based: the one with more recorded work before the conflict, then the earlier one.
 */
export function suggestWinner(
  policy: 'first_to_register' | 'evidence_based',
  subject: PolicyParty,
  match: PolicyParty,
): 'subject' | 'match' | 'undecided' {
  const byTime = (): 'subject' | 'match' | 'undecided' => {
    const d = subject.since.getTime() - match.since.getTime();
    return d < 0 ? 'subject' : d > 0 ? 'match' : 'undecided';
  };
  if (policy === 'first_to_register') return byTime();
  if (subject.earlierEvents !== match.earlierEvents)
    return subject.earlierEvents > match.earlierEvents ? 'subject' : 'match';
  return byTime();
}
