/**
 * The one place that turns an API refusal (problem+json) into text for people: field names become
 * labels ("expectedCloseDate" → "Expected close date"), validator phrasing becomes plain words
 * ("Too big: expected string to have <=300 characters" → "must be at most 300 characters long"),
 * and hints meant for the command line are left out. Every screen shows refusals through it.
 */

export interface FieldProblemLike {
  field: string;
  message: string;
}

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

const kinds: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

const plural = (n: string, one: string, many: string) => `${n} ${n === '1' ? one : many}`;

const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Too small: expected string to have >=1 characters?$/, () => 'must not be empty'],
  [
    /^Too big: expected string to have <=(\d+) characters?$/,
    (m) => `must be at most ${plural(m[1] ?? '', 'character', 'characters')} long`,
  ],
  [
    /^Too small: expected string to have >=(\d+) characters?$/,
    (m) => `must be at least ${plural(m[1] ?? '', 'character', 'characters')} long`,
  ],
  [
    /^Too big: expected array to have <=(\d+) items?$/,
    (m) => `can have at most ${plural(m[1] ?? '', 'entry', 'entries')}`,
  ],
  [
    /^Too small: expected array to have >=(\d+) items?$/,
    (m) => `needs at least ${plural(m[1] ?? '', 'entry', 'entries')}`,
  ],
  [/^Too big: expected (?:number|int) to be <=?(\S+)$/, (m) => `must be at most ${m[1]}`],
  [/^Too small: expected (?:number|int) to be >=?(\S+)$/, (m) => `must be at least ${m[1]}`],
  [/^Invalid input: expected \w+, received undefined$/, () => 'is required'],
  [/^Invalid input: expected (\w+), received \w+$/, (m) => `must be ${kinds[m[1] ?? ''] ?? m[1]}`],
  [
    /^Invalid option: expected one of (.+)$/,
    (m) =>
      `must be one of ${(m[1] ?? '')
        .split('|')
        .map((s) => s.replace(/"/g, '').replace(/_/g, ' '))
        .join(', ')}`,
  ],
  [/^Unrecognized keys?: .+$/, () => 'is not a field that can be set here'],
  [/^Invalid UUID$/i, () => 'must be chosen from the list'],
];

/** One validator message in plain words; command-line hints ("--create-missing") are dropped. */
export function humanMessage(message: string): string {
  const text = message
    .replace(/\s*\((?:or )?[^()]*--[a-z][\w-]*[^()]*\)/g, '')
    .replace(/\s*[;,]?\s*(?:use|try|run|or import with) --[a-z][\w-]*\b.*$/i, '')
    .trim();
  for (const [re, say] of rules) {
    const m = re.exec(text);
    if (m) return say(m);
  }
  return text;
}

/** "Expected close date must be between 1990-01-01 and 2099-12-31", for one field problem. */
export function fieldProblemText(p: FieldProblemLike): string {
  if (p.field === '' || p.field === 'request' || p.field === 'body') return humanMessage(p.message);
  return `${fieldLabel(p.field)} ${humanMessage(p.message)}`;
}

/** Generic summaries the field list says better ("The request body has 2 invalid fields"). */
const GENERIC = /^The \w+(?: \w+)? has \d+ invalid fields?\.?$/i;

/** Whether a refusal's detail only counts its bad fields (the fields themselves say more). */
export function isGenericDetail(detail: string): boolean {
  return detail.trim() === '' || GENERIC.test(detail.trim());
}

/** A refusal as one paragraph: the field problems when there are any, otherwise its detail. */
export function refusalText(detail: string, errors: readonly FieldProblemLike[]): string {
  if (errors.length > 0) {
    const fields = errors.map(fieldProblemText).join('; ');
    return isGenericDetail(detail) ? `${fields}.` : `${humanMessage(detail)}: ${fields}.`;
  }
  return humanMessage(detail);
}
