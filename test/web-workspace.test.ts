import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { age, formatDuration, parseDuration } from '../web/src/components/durations.ts';
import { fieldLabel } from '../web/src/components/field-label.ts';
import { fuzzyScore } from '../web/src/components/fuzzy.ts';

describe('call durations', () => {
  it('reads minutes or minutes:seconds and refuses anything else', () => {
    expect(parseDuration('4:30')).toBe(270);
    expect(parseDuration(' 5 ')).toBe(300);
    expect(parseDuration('0:07')).toBe(7);
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('4:75')).toBeUndefined();
    expect(parseDuration('four')).toBeUndefined();
    expect(parseDuration('-1')).toBeUndefined();
  });

  it('formats and reads back every duration', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 * 60 + 59 }), (s) => parseDuration(formatDuration(s)) === s));
  });
});

describe('lead age', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it('shows minutes, then hours up to two days, then days', () => {
    expect(age('2026-03-10T11:48:00Z', now)).toBe('12 min');
    expect(age('2026-03-10T07:00:00Z', now)).toBe('5 h');
    expect(age('2026-03-08T13:00:00Z', now)).toBe('47 h');
    expect(age('2026-03-07T12:00:00Z', now)).toBe('3 d');
    expect(age('2026-03-10T12:05:00Z', now)).toBe('0 min');
  });
});

describe('command palette matching', () => {
  it('matches characters in order and prefers word starts and runs', () => {
    expect(fuzzyScore('brd', 'Go to the pipeline board')).not.toBeNull();
    expect(fuzzyScore('xyz', 'Go to the pipeline board')).toBeNull();
    expect(fuzzyScore('dbr', 'board')).toBeNull();
    const inbox = fuzzyScore('inbox', 'Go to the lead inbox') ?? -1;
    const scattered = fuzzyScore('inbox', 'Keyboard shortcuts in a box') ?? -1;
    expect(inbox).toBeGreaterThan(scattered);
    expect(fuzzyScore('', 'anything')).toBe(0);
  });

  it('matches any text against itself and against every subsequence of it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        (text, keep) => {
          const sub = [...text].filter((_, i) => keep[i] ?? true).join('');
          return fuzzyScore(text, text) !== null && fuzzyScore(sub, text) !== null;
        },
      ),
    );
  });
});

describe('field names in error summaries', () => {
  it('names nested and listed fields as a person would read them', () => {
    expect(fieldLabel('objections.0.buyerWords')).toBe('Objection 1 buyer words');
    expect(fieldLabel('deal.create.amount')).toBe('Deal create amount');
    expect(fieldLabel('durationSeconds')).toBe('Duration seconds');
  });
});
