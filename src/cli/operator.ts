import type { Actor } from '../contract/access.ts';

/**
 * Changes made with the CLI are made by whoever runs the instance, not by a user of the
 * organization, so the audit trail records this id (no user has it) as their actor rather than
 * crediting some admin with them.
 */
export const OPERATOR_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/** An actor with the rights of an admin of the organization, acting as the operator. */
export function operatorActor(orgId: string): Actor {
  return {
    orgId,
    userId: OPERATOR_ACTOR_ID,
    role: 'admin',
    teamId: null,
    partnerAccountId: null,
    teamUserIds: [OPERATOR_ACTOR_ID],
  };
}
