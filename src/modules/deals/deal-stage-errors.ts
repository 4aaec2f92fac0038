import { AppError, forbidden } from '../../contract/errors.ts';
import type { StageInfo, StageMoveRefusal } from '../../contract/stage-rules.ts';

const stageRef = (s: StageInfo) => ({ id: s.id, name: s.name, position: s.position });

/** The one mapping from a stage-rule refusal to the API's error (stable code, fields, details). */
export function stageRefusalError(r: StageMoveRefusal, target: StageInfo): AppError {
  switch (r.code) {
    case 'invalid_transition':
      return new AppError('invalid_transition', r.message, { details: { stageId: target.id } });
    case 'reopen_not_allowed':
      return forbidden(r.message);
    case 'stage_order_violation':
      return new AppError('stage_order_violation', r.message, {
        details: { direction: r.direction, stageId: target.id, skippedStages: r.skippedStages.map(stageRef) },
      });
    case 'stage_gate_failed':
      return new AppError('stage_gate_failed', r.message, {
        fields: r.missingFields.map((f) => ({ field: f, message: `is required to enter stage "${target.name}"` })),
        details: { stageId: target.id, missingFields: r.missingFields },
      });
  }
}
