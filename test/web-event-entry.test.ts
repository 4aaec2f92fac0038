import { describe, expect, it } from 'vitest';
import { entryChanges, entrySubject, entryTitle, showValue, type EventEntry } from '../web/src/event-entry.ts';
import { factorLabels } from '../web/src/pages/analytics/velocity-labels.ts';

// Node's default locale in the test run formats like the browser's en-US.
const ACCOUNT = '0b6c3f0e-8a4e-4d44-9d7b-1a2b3c4d5e6f';
const CONTACT = '1c6c3f0e-8a4e-4d44-9d7b-1a2b3c4d5e6f';
const CALL = '2d6c3f0e-8a4e-4d44-9d7b-1a2b3c4d5e6f';
const HIDDEN = '3e6c3f0e-8a4e-4d44-9d7b-1a2b3c4d5e6f';
const references = {
  [ACCOUNT]: { kind: 'account' as const, name: 'Fjord Logistics AS' },
  [CONTACT]: { kind: 'contact' as const, name: 'Freya Berg' },
  [CALL]: { kind: 'activity' as const, name: 'Call: First call' },
};

const entry = (e: Partial<EventEntry> & Pick<EventEntry, 'type' | 'data'>): EventEntry => ({
  id: 1,
  seq: 1,
  entityType: 'deal',
  entityId: '9f6c3f0e-8a4e-4d44-9d7b-1a2b3c4d5e6f',
  occurredAt: '2026-03-02T09:00:00.000Z',
  businessTime: null,
  imported: false,
  actor: null,
  version: 1,
  ...e,
});

describe('events in words', () => {
  it('names records, formats money and dates, and words codes', () => {
    const created = entry({
      type: 'deal.created',
      data: {
        after: {
          name: 'Fjord – new deal',
          amount: '40528.00',
          currency: 'USD',
          accountId: ACCOUNT,
          primaryContactId: CONTACT,
          expectedCloseDate: '2026-12-31',
          status: 'open',
          contactRoles: [{ contactId: CONTACT, role: 'decision_maker' }],
          lineItems: [],
          version: 1,
        },
      },
    });
    expect(entryTitle(created)).toBe('Deal created');
    expect(entryChanges(created, { references })).toEqual([
      { field: 'Name', from: '', to: 'Fjord – new deal' },
      { field: 'Amount', from: '', to: 'USD\u00a040,528.00' },
      { field: 'Account', from: '', to: 'Fjord Logistics AS' },
      { field: 'Primary contact', from: '', to: 'Freya Berg' },
      { field: 'Expected close date', from: '', to: 'Dec 31, 2026' },
      { field: 'Status', from: '', to: 'Open' },
      { field: 'Contact roles', from: '', to: 'Freya Berg (Decision maker)' },
    ]);
  });

  it('reads updates in the page currency, status changes in words, and hides what the reader may not see', () => {
    const updated = entry({
      type: 'deal.updated',
      data: { changes: { amount: { from: '100.00', to: '2500.50' }, accountId: { from: HIDDEN, to: ACCOUNT } } },
    });
    expect(entryChanges(updated, { references, currency: 'EUR' })).toEqual([
      { field: 'Amount', from: 'EUR\u00a0100.00', to: 'EUR\u00a02,500.50' },
      { field: 'Account', from: 'a record not visible to you', to: 'Fjord Logistics AS' },
    ]);
    const status = entry({ type: 'lead.status_changed', entityType: 'lead', data: { from: 'new', to: 'call_back' } });
    expect(entryTitle(status)).toBe('Lead status changed');
    expect(entryChanges(status, { references })).toEqual([{ field: 'Status', from: 'New', to: 'Call back' }]);
    expect(showValue('callDisposition', 'call_back_later', { references })).toBe('Call back later');
    expect(showValue('forecastCategory', 'best_case', { references })).toBe('Best case');
    expect(showValue('subject', 'call_back_later', { references })).toBe('call_back_later');
  });

  it("names the activity an event on a related record is about, not the page's own record", () => {
    const call = entry({
      type: 'activity.created',
      entityType: 'activity',
      entityId: CALL,
      data: { after: { type: 'call' } },
    });
    expect(entrySubject(call, { references }, 'another-record')).toBe('Call: First call');
    expect(entrySubject(call, { references }, CALL)).toBeNull();
  });
});

describe('analytics charts', () => {
  it('names every velocity factor in words', () => {
    expect(factorLabels.cycleSpeed).toBe('Cycle speed (1 ÷ cycle days)');
  });
});

describe('changes a process step made', () => {
  const ctx = { references: {}, currency: 'USD' };
  it('say why: a held first meeting, a claim from the call queue; a held meeting says what it did', () => {
    const moved = entry({
      type: 'deal.stage_changed',
      data: {
        from: { name: 'Qualify' },
        to: { name: 'Discovery' },
        cause: { kind: 'meeting_held', bookingId: CALL },
      },
    });
    expect(entryChanges(moved, ctx)).toEqual([
      { field: 'Stage', from: 'Qualify', to: 'Discovery' },
      { field: 'Why', from: '', to: 'the first meeting was held' },
    ]);
    const claimed = entry({
      type: 'lead.assigned',
      entityType: 'lead',
      data: { changes: { ownerId: { from: null, to: null } }, cause: { kind: 'claim' } },
    });
    expect(entryChanges(claimed, ctx).at(-1)).toEqual({ field: 'Why', from: '', to: 'claimed from the call queue' });
    const held = entry({
      type: 'booking.held',
      entityType: 'booking',
      data: { dealEffect: { result: 'refused', message: 'The deal was not advanced: amount is required' } },
    });
    expect(entryChanges(held, ctx)).toEqual([
      { field: 'Deal', from: '', to: 'The deal was not advanced: amount is required' },
    ]);
    expect(entryChanges(entry({ type: 'booking.held', entityType: 'booking', data: {} }), ctx)).toEqual([]);
  });
});
