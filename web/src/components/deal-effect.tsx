import { Link } from '@tanstack/react-router';
import type { HeldMeetingEffect } from '../../../src/contract/booking.ts';

const headings: Record<HeldMeetingEffect['result'], string> = {
  created: 'Deal created',
  advanced: 'Deal advanced',
  pending_approval: 'Deal not advanced yet',
  refused: 'Deal not advanced',
  unchanged: 'Deal unchanged',
};

/**
 * What recording a held meeting did to the deal, by the pipeline's held-meeting setting: created,
 * advanced, waiting for approval, refused (with why) or unchanged, with a link to the deal.
 */
export function DealEffectNote({ effect }: { effect: HeldMeetingEffect }) {
  const tone =
    effect.result === 'created' || effect.result === 'advanced'
      ? 'notice ok'
      : effect.result === 'unchanged'
        ? 'notice'
        : 'notice error';
  return (
    <p className={tone} role="status" data-testid="deal-effect" data-result={effect.result}>
      <strong>{headings[effect.result]}.</strong> {effect.message}
      {effect.dealId && (
        <>
          {' '}
          <Link to="/deals/$dealId" params={{ dealId: effect.dealId }}>
            Open the deal
          </Link>
        </>
      )}
      {effect.approvalId && (
        <>
          {' '}
          · <Link to="/approvals">Approvals</Link>
        </>
      )}
    </p>
  );
}
