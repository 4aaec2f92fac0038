/**
 * A small fuzzy match for command names: every character of the query must appear in order;
 * consecutive characters and word starts score higher. Null when it does not match.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const t = text.toLowerCase();
  let score = 0;
  let at = -1;
  let run = 0;
  for (const ch of q) {
    if (ch === ' ') continue;
    const found = t.indexOf(ch, at + 1);
    if (found < 0) return null;
    run = found === at + 1 ? run + 1 : 0;
    score += 1 + run * 2 + (found === 0 || t[found - 1] === ' ' ? 3 : 0);
    at = found;
  }
  return score - t.length * 0.01;
}
