import { z } from 'zod';
import type { FieldProblem } from './errors.ts';

/*
 * Text PostgreSQL cannot keep: it refuses a NUL character in text and jsonb, and a UTF-16 surrogate
 * without its other half (JSON can carry one, "\ud800") would be stored as a replacement character.
 * Requests, imported files and command input are checked against this one rule, so such text is
 * refused by name before anything is written.
 */
// eslint-disable-next-line no-control-regex -- NUL is what this rule is about
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const UNSTORABLE_TEXT = 'contains a NUL character or broken Unicode';

/** Whether PostgreSQL can store the text as it is (no NUL, no lone surrogate). */
export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** The text with what PostgreSQL cannot store replaced by U+FFFD, for showing it back (a rejected row's cells). */
export function toStorableText(s: string): string {
  return isStorableText(s) ? s : s.replace(new RegExp(UNSTORABLE.source, 'g'), '\ufffd');
}

/**
 * Every string in a parsed value (a request body, query or path parameters) that cannot be stored,
 * by dotted path; an object key that cannot is named too. Walks without recursion, so a deeply
 * nested body cannot exhaust the stack.
 */
export function unstorableText(value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  const at = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { v, path } = item;
    if (typeof v === 'string') {
      if (!isStorableText(v)) problems.push({ field: path, message: UNSTORABLE_TEXT });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: at(path, String(i)) });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i] ?? ['', undefined];
        if (!isStorableText(k))
          problems.push({ field: at(path, k), message: `is a field name that ${UNSTORABLE_TEXT}` });
        else stack.push({ v: child, path: at(path, k) });
      }
    }
  }
  return problems;
}

export const idSchema = z.uuid({ message: 'must be a UUID' });
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD');
/** An exact decimal amount as a string with at most two decimals, e.g. "1250.00". */
export const moneySchema = z
  .string()
  .regex(/^-?\d{1,18}(\.\d{1,2})?$/, 'must be a decimal string with at most 2 decimals, e.g. "1250.00"');
export const nonNegativeMoneySchema = moneySchema.refine((v) => !v.startsWith('-'), 'must not be negative');
export const quantitySchema = z
  .string()
  .regex(/^\d{1,16}(\.\d{1,4})?$/, 'must be a positive decimal string with at most 4 decimals');
export const percentSchema = z
  .string()
  .regex(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, 'must be a percentage between 0 and 100');
export const dateOnlySchema = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
export const dateTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with time zone' });
/**
 * Business dates (an expected close date, when a call happened, a task's due date) are typed by
 * people, so they are bounded: a slip such as "99999" or "1900-01-01" is refused by name, not stored.
 * The same bounds are the web forms' date limits.
 */
export const BUSINESS_DATE_MIN = '1990-01-01';
export const BUSINESS_DATE_MAX = '2099-12-31';
const BUSINESS_DATE_RANGE = `must be between ${BUSINESS_DATE_MIN} and ${BUSINESS_DATE_MAX}`;
const inBusinessRange = (day: string) => day >= BUSINESS_DATE_MIN && day <= BUSINESS_DATE_MAX;
/** A business date (YYYY-MM-DD) between BUSINESS_DATE_MIN and BUSINESS_DATE_MAX. */
export const businessDateSchema = dateOnlySchema.refine(
  (v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || inBusinessRange(v),
  BUSINESS_DATE_RANGE,
);
/** A business date-time whose UTC day is between BUSINESS_DATE_MIN and BUSINESS_DATE_MAX. */
export const businessDateTimeSchema = dateTimeSchema.refine((v) => {
  const t = Date.parse(v);
  return Number.isNaN(t) || inBusinessRange(new Date(t).toISOString().slice(0, 10));
}, BUSINESS_DATE_RANGE);
export const nameSchema = z.string().trim().min(1, 'must not be empty').max(300);
export const optionalText = (max = 2000) => z.string().max(max).nullable().optional();
export const emailSchema = z.email({ message: 'must be an email address' }).max(320);
/** A phone number as people type it: digits with optional +, spaces, dots, dashes, brackets and an extension. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().\-/]{3,40}(\s*(x|ext\.?)\s*\d{1,6})?$/i, {
    message: 'must be a phone number such as +1 555 0100',
    abort: true,
  })
  .refine((v) => v.replace(/\D/g, '').length >= 3, 'must contain at least 3 digits');

export const versionHeaderSchema = z.object({
  'if-match': z
    .string()
    .regex(/^(W\/)?"?\d+"?$/, 'must be the version number of the record you edited')
    .optional(),
});

export const idParams = z.object({ id: idSchema });

export const listQueryBase = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(200).optional(),
});

/**
 * A query parameter that takes a list either repeated (`status=new&status=working`) or comma
 * separated (`status=new,working`); both forms appear in hand-written URLs.
 */
export function queryList<T extends z.ZodType>(item: T, max = 20) {
  return z.preprocess(
    (v) =>
      (Array.isArray(v) ? v : [v]).flatMap((s: unknown) =>
        typeof s === 'string'
          ? s
              .split(',')
              .map((x) => x.trim())
              .filter((x) => x !== '')
          : [s],
      ),
    z.array(item).min(1, 'must name at least one value').max(max),
  );
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Parses an If-Match header ("3", "\"3\"" or W/"3") to a version number. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /(\d+)/.exec(header);
  return m ? Number(m[1]) : undefined;
}

export type Page<T> = { items: T[]; nextCursor: string | null };
