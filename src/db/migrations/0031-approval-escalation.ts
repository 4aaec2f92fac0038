/**
 * Escalation timeouts of approvals: a rule may say how long a step waits for its approver (in the
 * organization's business hours or in elapsed time) before the step goes to the approver above.
 * An approval keeps the timeout it was opened with, when its current step started, when that step
 * escalates, and the escalations so far.
 */
export const approvalEscalation = String.raw`
ALTER TABLE approval_rules
  ADD COLUMN escalate_after_minutes integer CHECK (escalate_after_minutes BETWEEN 1 AND 525600),
  ADD COLUMN escalate_in text NOT NULL DEFAULT 'business_hours' CHECK (escalate_in IN ('business_hours','elapsed'));

ALTER TABLE approvals
  ADD COLUMN escalate_after_minutes integer,
  ADD COLUMN escalate_in text CHECK (escalate_in IN ('business_hours','elapsed')),
  ADD COLUMN step_started_at timestamptz,
  ADD COLUMN escalates_at timestamptz,
  ADD COLUMN escalations jsonb NOT NULL DEFAULT '[]';
UPDATE approvals SET step_started_at = created_at;
ALTER TABLE approvals ALTER COLUMN step_started_at SET NOT NULL;
CREATE INDEX approvals_escalates_idx ON approvals (org_id, escalates_at) WHERE status = 'pending' AND escalates_at IS NOT NULL;
`;
