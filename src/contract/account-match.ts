import { z } from 'zod';
import { idSchema } from './common.ts';
import { cleanDomain } from './name-match.ts';

/*
 * Which existing account a lead most likely belongs to, for the convert dialog: the same web
 * domain first (the company's domain or the lead's work email), then the company name compared
 * without legal forms and generic trade words, so "Fjord Logistics" finds "Fjord Logistics AS" and
 * not "Willow Logistics". Every proposal says why it was made.
 */

export const accountMatchReasons = ['domain', 'name'] as const;

export const accountMatchSchema = z.object({
  accountId: idSchema,
  name: z.string(),
  domain: z.string().nullable(),
  reason: z.enum(accountMatchReasons),
  /** Why it was proposed, for people: "Same web domain as the lead's email: fjord.example". */
  explanation: z.string(),
  /** 1 for a domain match; for a name, the similarity of the distinctive words (0.75 … 1). */
  score: z.number(),
});
export type AccountMatch = z.infer<typeof accountMatchSchema>;
export const accountMatchesSchema = z.object({ items: z.array(accountMatchSchema) });

/** Mail providers whose domain says nothing about the employer. */
const freeMail = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'proton.me',
  'protonmail.com',
  'mail.com',
  'yandex.ru',
]);

/** "https://www.Fjord.example/about" → "fjord.example"; null for anything that is not a domain. */
export function normalizeDomain(value: string | null | undefined): string | null {
  const host = cleanDomain(value);
  return host !== null && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
}

/** The domain of a work email address (null for free mail providers). */
export function emailDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return null;
  const d = normalizeDomain(email.slice(at + 1));
  return d && !freeMail.has(d) ? d : null;
}

const legalForms = new Set(
  'inc incorporated corp corporation co company ltd limited llc llp plc gmbh ag kg ug se as asa aps ab oy oyj sa sas sarl srl spa bv nv pty pte kk the and'.split(
    ' ',
  ),
);
/** Words many unrelated companies share: alone they do not make two names the same company. */
const tradeWords = new Set(
  'logistics logistik transport shipping group holding holdings systems solutions services service consulting partners international global technologies technology tech software industries industrial enterprises trading labs media digital capital ventures networks'.split(
    ' ',
  ),
);

/** A company name's words without accents, punctuation and legal forms: "Fjord-Logistics A/S" → ["fjord", "logistics"]. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b([a-z])\/([a-z])\b/g, '$1$2')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !legalForms.has(w));
}

/** The distinctive part of a name: its words without the trade words (all words when nothing else is left). */
function distinctive(words: string[]): string {
  const core = words.filter((w) => !tradeWords.has(w));
  return (core.length > 0 ? core : words).join(' ');
}

/** Dice coefficient of the character bigrams of two strings (1 for equal strings, 0 for nothing shared). */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) {
      const g = s.slice(i, i + 2);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** The least similarity of the distinctive words for a name to be proposed. */
export const NAME_MATCH_THRESHOLD = 0.75;

/**
 * Existing accounts the lead may belong to, best first: those with the same web domain as the
 * lead's company domain or work email, then those whose name matches the lead's company (the
 * distinctive words at least NAME_MATCH_THRESHOLD alike), each with the reason in words.
 */
export function matchAccounts(
  lead: { company: string | null; companyDomain: string | null; email: string | null },
  accounts: readonly { id: string; name: string; domain: string | null }[],
): AccountMatch[] {
  const companyDomain = normalizeDomain(lead.companyDomain);
  const mailDomain = emailDomain(lead.email);
  const company = lead.company ? nameWords(lead.company) : [];
  const out: AccountMatch[] = [];
  for (const a of accounts) {
    const domain = normalizeDomain(a.domain);
    const base = { accountId: a.id, name: a.name, domain: a.domain };
    if (domain && domain === companyDomain) {
      out.push({
        ...base,
        reason: 'domain',
        score: 1,
        explanation: `Same web domain as the lead's company: ${domain}`,
      });
      continue;
    }
    if (domain && domain === mailDomain) {
      out.push({ ...base, reason: 'domain', score: 1, explanation: `Same web domain as the lead's email: ${domain}` });
      continue;
    }
    if (company.length === 0) continue;
    const words = nameWords(a.name);
    if (words.length === 0) continue;
    const same = words.join(' ') === company.join(' ');
    const score = same ? 1 : bigramSimilarity(distinctive(words), distinctive(company));
    if (score < NAME_MATCH_THRESHOLD) continue;
    out.push({
      ...base,
      reason: 'name',
      score: Math.round(score * 100) / 100,
      explanation: same
        ? `Same name as the lead's company (${lead.company ?? ''})`
        : `Name like the lead's company (${lead.company ?? ''}), ${Math.round(score * 100)} % alike`,
    });
  }
  const rank = (m: AccountMatch) => (m.reason === 'domain' ? 2 : m.score);
  return out.sort(
    (x, y) => rank(y) - rank(x) || x.name.localeCompare(y.name) || x.accountId.localeCompare(y.accountId),
  );
}
