import type { ApiSchemas } from './api.ts';

export type HeldForApproval = ApiSchemas['HeldForApproval'];
export type ApprovalDto = ApiSchemas['Approval'];

/** Whether a deal change answered 202: an approval rule holds it and nothing changed yet. */
export function isHeld(answer: unknown): answer is HeldForApproval {
  return (
    typeof answer === 'object' &&
    answer !== null &&
    (answer as { status?: unknown }).status === 'pending_approval' &&
    'approval' in answer
  );
}

/** What to tell the person whose change waits: why, and who decides. */
export function heldText(held: HeldForApproval): string {
  const who = held.approval.approvers
    .map((a) => (a.kind === 'user' ? a.name : `${a.role === 'admin' ? 'an admin' : `a ${a.role}`}`))
    .join(', then ');
  const why = held.approval.reasons.map((r) => r.message).join('; ');
  return `Sent for approval (${why}). Waiting for ${who}; the change is applied when approved.`;
}
