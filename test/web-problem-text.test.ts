import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createDealSchema } from '../src/contract/deals.ts';
import { fieldProblemText, humanMessage, refusalText } from '../web/src/problem-text.ts';

describe('refusals in words for people', () => {
  it('rewrites validator phrasing the API passes through', () => {
    expect(humanMessage('Too big: expected string to have <=300 characters')).toBe(
      'must be at most 300 characters long',
    );
    expect(humanMessage('Too small: expected string to have >=1 characters')).toBe('must not be empty');
    expect(humanMessage('Too big: expected array to have <=50 items')).toBe('can have at most 50 entries');
    expect(humanMessage('Invalid input: expected string, received number')).toBe('must be text');
    expect(humanMessage('Invalid input: expected boolean, received undefined')).toBe('is required');
    expect(humanMessage('Invalid option: expected one of "direct"|"partner"')).toBe('must be one of direct, partner');
    expect(humanMessage('Unrecognized key: "color"')).toBe('is not a field that can be set here');
    // the project's own messages are already words and stay as they are
    expect(humanMessage('must be between 1990-01-01 and 2099-12-31')).toBe('must be between 1990-01-01 and 2099-12-31');
  });

  it('drops command-line hints', () => {
    expect(
      humanMessage(
        'account: "Nowhere Ltd" is not an account (by name, domain or external id) (or import with --create-missing)',
      ),
    ).toBe('account: "Nowhere Ltd" is not an account (by name, domain or external id)');
  });

  it('names fields by label and leaves out a detail that only counts them', () => {
    expect(fieldProblemText({ field: 'expectedCloseDate', message: 'must be a date YYYY-MM-DD' })).toBe(
      'Expected close date must be a date YYYY-MM-DD',
    );
    expect(
      refusalText('The body has 2 invalid fields', [
        { field: 'name', message: 'Too big: expected string to have <=300 characters' },
        { field: 'contactRoles.0.role', message: 'Invalid option: expected one of "champion"|"user"' },
      ]),
    ).toBe('Name must be at most 300 characters long; Contact roles 1 role must be one of champion, user.');
    expect(refusalText('Deal is closed', [])).toBe('Deal is closed');
  });

  it('covers what the shared schemas say by default', () => {
    const parsed = createDealSchema.safeParse({ name: 'x'.repeat(301), channel: 'fax', nextStep: 5 });
    expect(parsed.success).toBe(false);
    const texts = (parsed.error as z.ZodError).issues.map((i) => humanMessage(i.message));
    for (const t of texts) expect(t).not.toMatch(/Too big|Too small|Invalid (input|option)|expected/);
  });
});
