/** "objections.0.buyerWords" → "Objection 1 buyer words", for a summary list. */
export function fieldLabel(field: string): string {
  return field
    .split('.')
    .map((part) =>
      /^\d+$/.test(part) ? String(Number(part) + 1) : part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(),
    )
    .join(' ')
    .replace(/^objections (\d+)/, 'objection $1')
    .replace(/^./, (c) => c.toUpperCase());
}
