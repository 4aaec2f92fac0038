import { canConfigureAgency, type Actor } from '../../contract/access.ts';
import type { AgencySettingsDto, UpdateAgencySettingsInput } from '../../contract/agents.ts';
import { forbidden, invalid, type FieldProblem } from '../../contract/errors.ts';
import { camelChanges } from '../../contract/events/casing.ts';
import type { DbExecutor } from '../../db/database.ts';
import { diffFields } from '../../domain/event-hash.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, type ExpectedVersion } from '../shared.ts';
import * as repo from './agents.repository.ts';
import { assertReadAgents } from './parties.service.ts';

const toSettingsDto = (r: repo.SettingsRow | undefined): AgencySettingsDto => ({
  forbiddenJurisdictions: r?.forbidden_jurisdictions ?? [],
  disclosureGates: r?.disclosure_gates ?? [],
  version: r?.version ?? 0,
});

/** The organisation's agency settings (none forbidden and no gate until an admin sets them). */
export async function agencySettings(db: DbExecutor, orgId: string): Promise<AgencySettingsDto> {
  return toSettingsDto(await repo.getSettings(db, orgId));
}

export async function getAgencySettings(deps: Deps, actor: Actor): Promise<AgencySettingsDto> {
  assertReadAgents(actor);
  return agencySettings(deps.db, actor.orgId);
}

export async function updateAgencySettings(
  deps: Deps,
  actor: Actor,
  expected: ExpectedVersion | undefined,
  input: UpdateAgencySettingsInput,
): Promise<AgencySettingsDto> {
  if (!canConfigureAgency(actor)) throw forbidden('Only admins change the agency settings');
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = toSettingsDto(await repo.getSettings(trx, actor.orgId, true));
    checkVersion('agency settings', actor.orgId, before.version, expected);
    const gates = input.disclosureGates ?? before.disclosureGates;
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    for (const [i, g] of gates.entries()) {
      if (seen.has(g.pipelineId))
        problems.push({ field: `disclosureGates.${i}.pipelineId`, message: 'has a gate already: one per pipeline' });
      seen.add(g.pipelineId);
      if ((await repo.stagePosition(trx, actor.orgId, g.pipelineId, g.stageId)) === undefined)
        problems.push({ field: `disclosureGates.${i}.stageId`, message: 'is not a stage of that pipeline' });
    }
    if (problems.length) throw invalid(problems);
    const forbiddenList = [...new Set(input.forbiddenJurisdictions ?? before.forbiddenJurisdictions)].sort();
    const after = await repo.saveSettings(trx, {
      org_id: actor.orgId,
      forbidden_jurisdictions: JSON.stringify(forbiddenList),
      disclosure_gates: JSON.stringify(gates),
      updated_at: deps.clock.now(),
    });
    const fields = ['forbidden_jurisdictions', 'disclosure_gates'] as const;
    const changes = camelChanges(
      diffFields(
        { forbidden_jurisdictions: before.forbiddenJurisdictions, disclosure_gates: before.disclosureGates },
        { forbidden_jurisdictions: after.forbidden_jurisdictions, disclosure_gates: after.disclosure_gates },
        fields,
      ),
    );
    if (Object.keys(changes).length > 0)
      await deps.eventLog.append(trx, actor, [
        {
          entityType: 'organization',
          entityId: actor.orgId,
          type: 'organization.agency_settings_changed',
          data: { changes },
        },
      ]);
    return after;
  });
  return toSettingsDto(row);
}
