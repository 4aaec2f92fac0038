/**
 * The rules of moving a deal between stages, as pure functions over plain data so that the
 * server, the web app (a board previewing a drop) and analytics (conformance checks) agree.
 */
import type { Role } from './access.ts';
import type { GateField, StageKind } from './pipelines.ts';

/** What the rules need to know about a stage. */
export interface StageInfo {
  id: string;
  name: string;
  position: number;
  kind: StageKind;
  requiredFields: readonly GateField[];
}

/** The current value of every gate field on a deal (line items and contact roles as lists). */
export type DealGateFacts = Readonly<Record<GateField, unknown>>;

/** A value counts as set unless it is null, undefined, blank text or an empty list. */
export function isFieldSet(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * The gate of a stage: the required fields the deal has not set, in the stage's order. An empty
 * list means the deal may enter the stage.
 */
export function missingGateFields(stage: Pick<StageInfo, 'requiredFields'>, deal: DealGateFacts): GateField[] {
  return stage.requiredFields.filter((f) => !isFieldSet(deal[f]));
}

export type OrderCheck =
  { ok: true } | { ok: false; reason: 'skipped'; skipped: StageInfo[] } | { ok: false; reason: 'backward' };

/**
 * The stage-order rule of a pipeline that enforces it: between open stages a deal moves one stage
 * forward at a time. Closing (open → won/lost) is always in order; leaving a won or lost stage is
 * a reopen, which is governed by permission rather than by order. Without enforcement any move is
 * in order.
 */
export function checkStageOrder(
  stages: readonly StageInfo[],
  from: StageInfo,
  to: StageInfo,
  enforce: boolean,
): OrderCheck {
  if (!enforce || from.kind !== 'open' || to.kind !== 'open') return { ok: true };
  const open = stages.filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position);
  const i = open.findIndex((s) => s.id === from.id);
  const j = open.findIndex((s) => s.id === to.id);
  if (i < 0 || j < 0) return { ok: true };
  if (j < i) return { ok: false, reason: 'backward' };
  if (j > i + 1) return { ok: false, reason: 'skipped', skipped: open.slice(i + 1, j) };
  return { ok: true };
}

/**
 * Whether a role may close a deal (move it into a won or lost stage). Partners register and work
 * their deals but the organization decides when one is won or lost: commissions follow from it.
 */
export function mayClose(role: Role): boolean {
  return role !== 'partner';
}

/** Roles that may reopen a won or lost deal. */
export function mayReopen(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}

/** What a stage move does to the deal's status. */
export interface StageTransition {
  statusFrom: StageKind;
  statusTo: StageKind;
  /** Leaves a won or lost stage. */
  reopens: boolean;
  /** Enters a won or lost stage. */
  closes: boolean;
}

export interface StageMoveInput {
  /** The stages of the target pipeline. */
  stages: readonly StageInfo[];
  from: StageInfo;
  to: StageInfo;
  /** Whether `to` is in the deal's current pipeline (order only applies within one pipeline). */
  samePipeline: boolean;
  enforceOrder: boolean;
  deal: DealGateFacts;
  /** The lost reason the deal would have after the move (sent with it, or already on the deal). */
  lostReason: string | null | undefined;
  /** Whether the mover may reopen a won or lost deal (see `mayReopen`). */
  canReopen: boolean;
}

export type StageMoveRefusal =
  | { code: 'invalid_transition'; message: string }
  | { code: 'reopen_not_allowed'; message: string }
  | { code: 'stage_order_violation'; message: string; direction: 'forward' | 'backward'; skippedStages: StageInfo[] }
  | { code: 'stage_gate_failed'; message: string; missingFields: string[] };

export type StageMoveVerdict = ({ ok: true } & StageTransition) | ({ ok: false } & StageMoveRefusal);

/**
 * Decides a stage move, checking in this order: a move to the current stage, the permission to
 * reopen, the pipeline's order rule, then the target's gate (its required fields, and a lost
 * reason for a lost stage). The first failing check is the answer.
 */
export function evaluateStageMove(m: StageMoveInput): StageMoveVerdict {
  const { from, to } = m;
  if (from.id === to.id)
    return { ok: false, code: 'invalid_transition', message: `The deal is already in stage "${to.name}"` };
  const reopens = from.kind !== 'open';
  if (reopens && !m.canReopen) {
    return {
      ok: false,
      code: 'reopen_not_allowed',
      message: `The deal is ${from.kind}; only an admin or a manager can reopen it`,
    };
  }
  const order = checkStageOrder(m.stages, from, to, m.enforceOrder && m.samePipeline);
  if (!order.ok) {
    if (order.reason === 'backward') {
      return {
        ok: false,
        code: 'stage_order_violation',
        direction: 'backward',
        skippedStages: [],
        message: `This pipeline does not allow moving back from "${from.name}" to "${to.name}"`,
      };
    }
    const names = order.skipped.map((s) => `"${s.name}"`).join(', ');
    return {
      ok: false,
      code: 'stage_order_violation',
      direction: 'forward',
      skippedStages: order.skipped,
      message: `This pipeline does not allow skipping stages: move through ${names} first`,
    };
  }
  const missing: string[] = missingGateFields(to, m.deal);
  if (to.kind === 'lost' && !isFieldSet(m.lostReason)) missing.push('lostReason');
  if (missing.length > 0) {
    return {
      ok: false,
      code: 'stage_gate_failed',
      missingFields: missing,
      message: `To enter stage "${to.name}" the deal needs: ${missing.join(', ')}`,
    };
  }
  return { ok: true, statusFrom: from.kind, statusTo: to.kind, reopens, closes: to.kind !== 'open' };
}
