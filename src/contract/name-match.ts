/**
 * Matching a name from another system to one of ours (a stage, a user), for suggestions a person
 * confirms: the same name, one name containing the other's words, or a similar spelling
 * (trigram similarity, as PostgreSQL's pg_trgm computes it on words padded with spaces). Each
 * suggestion says why it was made.
 */

/** Lower case, letters and digits only, words separated by one space. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The trigrams of a text as pg_trgm takes them: each word padded with two spaces before and one after. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** Shared trigrams ÷ all trigrams of the two texts, 0..1 (pg_trgm's `similarity`); 0 when one has none. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** The trigram similarity of two names once normalized (case, accents and punctuation aside). */
export function nameSimilarity(a: string, b: string): number {
  return trigramSimilarity(normalizeName(a), normalizeName(b));
}

/** A web address reduced to its host: no scheme, `www.`, port, path or trailing dot, lower case; null when empty. */
export function cleanDomain(value: string | null | undefined): string | null {
  if (!value) return null;
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return host === '' ? null : host;
}

export interface NameMatch<T> {
  candidate: T;
  /** 1 for the same name, 0.9 when one contains the other's words, else the trigram similarity. */
  score: number;
  why: string;
}

const words = (n: string) => new Set(n.split(' ').filter((w) => w !== ''));
const containsAll = (outer: Set<string>, inner: Set<string>) => inner.size > 0 && [...inner].every((w) => outer.has(w));

/** How well `value` matches `name`, with why; null below `minScore`. */
export function matchName(value: string, name: string, minScore: number): Omit<NameMatch<never>, 'candidate'> | null {
  const v = normalizeName(value);
  const n = normalizeName(name);
  if (v === '' || n === '') return null;
  if (v === n) return { score: 1, why: 'the same name' };
  const [vw, nw] = [words(v), words(n)];
  if (containsAll(vw, nw)) return { score: 0.9, why: `"${value}" contains "${name}"` };
  if (containsAll(nw, vw)) return { score: 0.9, why: `"${name}" contains "${value}"` };
  const score = nameSimilarity(v, n);
  return score >= minScore
    ? { score, why: `similar spelling (${Math.round(score * 100)}% of letter groups shared)` }
    : null;
}

/**
 * The candidate whose name best matches `value` (highest score; the earlier candidate on a tie),
 * or null when none reaches `minScore`.
 */
export function bestNameMatch<T>(
  value: string,
  candidates: readonly T[],
  nameOf: (c: T) => string,
  minScore = 0.35,
): NameMatch<T> | null {
  let best: NameMatch<T> | null = null;
  for (const candidate of candidates) {
    const m = matchName(value, nameOf(candidate), minScore);
    if (m && (!best || m.score > best.score)) best = { candidate, ...m };
  }
  return best;
}
