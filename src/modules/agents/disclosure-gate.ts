import { AppError } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import * as repo from './agents.repository.ts';

/** The stage a deal is moving to, as the gate needs it. */
export interface GateTarget {
  pipelineId: string;
  stageId: string;
  name: string;
  position: number;
  kind: string;
}

/**
 * The disclosure gate of a stage move, in the move's transaction: when the organisation requires
 * disclosures before a stage of the target pipeline, a deal with agents cannot enter a stage past
 * it (a later position; losing a deal is never held up) until every agent on the deal has
 * disclosed whom it represents. The refusal names each agent without a disclosure.
 */
export async function assertDisclosuresForStage(
  db: DbExecutor,
  orgId: string,
  dealId: string,
  target: GateTarget,
): Promise<void> {
  if (target.kind === 'lost') return;
  const settings = await repo.getSettings(db, orgId);
  const gate = settings?.disclosure_gates.find((g) => g.pipelineId === target.pipelineId);
  if (!gate) return;
  const gatePosition = await repo.stagePosition(db, orgId, gate.pipelineId, gate.stageId);
  if (gatePosition === undefined || target.position <= gatePosition) return;
  const missing = new Map<string, string>();
  for (const a of await repo.dealAgents(db, orgId, dealId))
    if (!a.disclosed) missing.set(a.agent_party_id, a.agent_name);
  if (missing.size === 0) return;
  const names = [...missing.values()];
  throw new AppError(
    'disclosure_required',
    `To move past the disclosure stage to "${target.name}", every agent on the deal must have disclosed whom it represents; missing: ${names.join(', ')}`,
    {
      fields: [...missing.entries()].map(([id, name]) => ({
        field: `agents.${id}`,
        message: `${name} has not disclosed whom it represents`,
      })),
      details: { stageId: target.stageId, gateStageId: gate.stageId, missingAgentPartyIds: [...missing.keys()] },
    },
  );
}
