/** Plain-text helpers for the analyses' CLI output. */

/** Columns padded to their widest cell; numbers are right-aligned. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+]?[\d.,%]+$|^–$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A fraction as a percentage with one decimal, or an en dash when unknown. */
export function pct(v: number | null): string {
  return v === null ? '–' : `${(v * 100).toFixed(1)}%`;
}

/** A number with the given decimals, or an en dash when unknown. */
export function num(v: number | null, decimals = 1): string {
  return v === null ? '–' : v.toFixed(decimals);
}

/** The heading line of a report: what was analysed, over which pipeline and dates. */
export function heading(
  title: string,
  r: { pipeline: { name: string }; from: string | null; to: string | null },
): string {
  const range = r.from || r.to ? `, ${r.from ?? '…'} to ${r.to ?? '…'}` : '';
  return `${title}: pipeline "${r.pipeline.name}"${range}`;
}
