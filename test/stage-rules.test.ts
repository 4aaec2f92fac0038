import { describe, expect, it } from 'vitest';
import { resolveStages } from '../src/contract/pipelines.ts';
import {
  checkStageOrder,
  evaluateStageMove,
  isFieldSet,
  mayReopen,
  missingGateFields,
  type DealGateFacts,
  type StageInfo,
  type StageMoveInput,
} from '../src/contract/stage-rules.ts';

const stage = (
  id: string,
  position: number,
  kind: StageInfo['kind'] = 'open',
  requiredFields: StageInfo['requiredFields'] = [],
): StageInfo => ({ id, name: id, position, kind, requiredFields });
const qualify = stage('Qualify', 0);
const discovery = stage('Discovery', 1);
const proposal = stage('Proposal', 2, 'open', ['amount', 'expectedCloseDate', 'lineItems']);
const negotiate = stage('Negotiate', 3);
const won = stage('Won', 4, 'won', ['accountId']);
const lost = stage('Lost', 5, 'lost');
const stages = [qualify, discovery, proposal, negotiate, won, lost];

const emptyDeal: DealGateFacts = {
  amount: null,
  expectedCloseDate: null,
  accountId: null,
  primaryContactId: null,
  nextStep: '  ',
  lineItems: [],
  contactRoles: [],
  source: null,
  partnerAccountId: null,
};
const move = (over: Partial<StageMoveInput>): StageMoveInput => ({
  stages,
  from: qualify,
  to: discovery,
  samePipeline: true,
  enforceOrder: true,
  deal: emptyDeal,
  lostReason: null,
  canReopen: false,
  ...over,
});

describe('stage gate', () => {
  it('treats null, blank text and empty lists as not set', () => {
    expect([null, undefined, '', '  ', []].map(isFieldSet)).toEqual([false, false, false, false, false]);
    expect(['x', 0, false, ['a'], '0.00'].map(isFieldSet)).toEqual([true, true, true, true, true]);
  });

  it('lists the missing required fields in the order the stage declares them', () => {
    expect(missingGateFields(proposal, emptyDeal)).toEqual(['amount', 'expectedCloseDate', 'lineItems']);
    expect(missingGateFields(proposal, { ...emptyDeal, amount: '10.00', lineItems: [{}] })).toEqual([
      'expectedCloseDate',
    ]);
    expect(
      missingGateFields(proposal, { ...emptyDeal, amount: '0.00', expectedCloseDate: '2026-03-01', lineItems: [{}] }),
    ).toEqual([]);
  });
});

describe('stage order', () => {
  it('allows anything when the pipeline does not enforce order', () => {
    expect(checkStageOrder(stages, qualify, negotiate, false)).toEqual({ ok: true });
    expect(checkStageOrder(stages, negotiate, qualify, false)).toEqual({ ok: true });
  });

  it('allows the next open stage and names the skipped ones otherwise', () => {
    expect(checkStageOrder(stages, qualify, discovery, true)).toEqual({ ok: true });
    expect(checkStageOrder(stages, qualify, negotiate, true)).toEqual({
      ok: false,
      reason: 'skipped',
      skipped: [discovery, proposal],
    });
  });

  it('refuses moving backwards', () => {
    expect(checkStageOrder(stages, proposal, discovery, true)).toEqual({ ok: false, reason: 'backward' });
  });

  it('always allows closing from an open stage, and leaves reopening to permissions', () => {
    expect(checkStageOrder(stages, qualify, won, true)).toEqual({ ok: true });
    expect(checkStageOrder(stages, qualify, lost, true)).toEqual({ ok: true });
    expect(checkStageOrder(stages, won, qualify, true)).toEqual({ ok: true });
  });

  it('uses positions, not list order', () => {
    const shuffled = [negotiate, qualify, won, proposal, lost, discovery];
    expect(checkStageOrder(shuffled, discovery, proposal, true)).toEqual({ ok: true });
    expect(checkStageOrder(shuffled, discovery, negotiate, true)).toEqual({
      ok: false,
      reason: 'skipped',
      skipped: [proposal],
    });
  });
});

describe('evaluateStageMove', () => {
  it('refuses a move to the current stage', () => {
    expect(evaluateStageMove(move({ to: qualify }))).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('checks reopen permission before order and gate', () => {
    expect(evaluateStageMove(move({ from: won, to: proposal }))).toMatchObject({
      ok: false,
      code: 'reopen_not_allowed',
    });
    expect(evaluateStageMove(move({ from: won, to: proposal, canReopen: true }))).toMatchObject({
      ok: false,
      code: 'stage_gate_failed',
      missingFields: ['amount', 'expectedCloseDate', 'lineItems'],
    });
    expect(evaluateStageMove(move({ from: lost, to: qualify, canReopen: true }))).toEqual({
      ok: true,
      statusFrom: 'lost',
      statusTo: 'open',
      reopens: true,
      closes: false,
    });
  });

  it('checks order before the gate', () => {
    expect(evaluateStageMove(move({ from: qualify, to: proposal }))).toMatchObject({
      ok: false,
      code: 'stage_order_violation',
      direction: 'forward',
      skippedStages: [discovery],
    });
    expect(evaluateStageMove(move({ from: negotiate, to: discovery }))).toMatchObject({
      ok: false,
      code: 'stage_order_violation',
      direction: 'backward',
    });
  });

  it('ignores order across pipelines', () => {
    expect(evaluateStageMove(move({ from: qualify, to: negotiate, samePipeline: false }))).toMatchObject({ ok: true });
  });

  it('requires a lost reason to enter a lost stage, listed with the gate fields', () => {
    expect(evaluateStageMove(move({ to: lost }))).toMatchObject({
      ok: false,
      code: 'stage_gate_failed',
      missingFields: ['lostReason'],
    });
    expect(evaluateStageMove(move({ to: lost, lostReason: 'Budget cut' }))).toEqual({
      ok: true,
      statusFrom: 'open',
      statusTo: 'lost',
      reopens: false,
      closes: true,
    });
  });

  it('applies the won stage gate and closes the deal', () => {
    expect(evaluateStageMove(move({ from: discovery, to: won }))).toMatchObject({
      ok: false,
      code: 'stage_gate_failed',
      missingFields: ['accountId'],
    });
    expect(evaluateStageMove(move({ from: discovery, to: won, deal: { ...emptyDeal, accountId: 'a' } }))).toEqual({
      ok: true,
      statusFrom: 'open',
      statusTo: 'won',
      reopens: false,
      closes: true,
    });
  });

  it('lets only admins and managers reopen', () => {
    expect(mayReopen('admin')).toBe(true);
    expect(mayReopen('manager')).toBe(true);
    expect(mayReopen('rep')).toBe(false);
    expect(mayReopen('partner')).toBe(false);
  });
});

describe('resolveStages', () => {
  it('applies defaults by kind', () => {
    const r = resolveStages([
      { name: 'Lead', kind: 'open', probability: 10 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost', requiredFields: ['amount', 'amount'] },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.stages.map((s) => [s.kind, s.probability, s.forecastCategory, s.requiredFields])).toEqual([
      ['open', 10, 'pipeline', []],
      ['won', 100, 'closed', []],
      ['lost', 0, 'omitted', ['amount']],
    ]);
  });

  it('reports every broken rule with its field', () => {
    const r = resolveStages([
      { name: 'Won', kind: 'won', probability: 90, forecastCategory: 'commit' },
      { name: 'Lead', kind: 'open', forecastCategory: 'closed' },
      { name: 'lead', kind: 'open', probability: 5 },
      { name: 'Gone', kind: 'won' },
    ]);
    expect(r.problems.map((p) => p.field)).toEqual([
      'stages.0.probability',
      'stages.0.forecastCategory',
      'stages.1.kind',
      'stages.1.probability',
      'stages.1.forecastCategory',
      'stages.2.name',
      'stages.2.kind',
      'stages',
    ]);
    expect(r.problems.at(-1)?.message).toBe('needs at least one lost stage');
  });
});
