/** "4:30" → 270, "5" → 300 (minutes), "" → null; undefined when it cannot be read. */
export function parseDuration(text: string): number | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,4})(?::([0-5]?\d))?$/.exec(t);
  if (!m) return undefined;
  return Number(m[1]) * 60 + Number(m[2] ?? 0);
}

/** 270 → "4:30". */
export function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "3 d", "5 h", "12 min": how long a lead has been waiting since it came in (or since it was last touched). */
export function age(createdAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(createdAt)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / 1440)} d`;
}

/** How long a lead has gone without a call, email or meeting: since the last one, or since it came in. */
export function untouched(lead: { createdAt: string; lastTouchedAt: string | null }, now: number): string {
  return lead.lastTouchedAt ? age(lead.lastTouchedAt, now) : `${age(lead.createdAt, now)} (never)`;
}
