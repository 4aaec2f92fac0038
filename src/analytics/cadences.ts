import type { CadenceStepKind } from '../contract/cadences.ts';

/** A cadence as the figures label it: its newest steps. */
export interface CadenceDef {
  id: string;
  name: string;
  steps: readonly { kind: CadenceStepKind }[];
}

/** One enrolment as the figures count it. */
export interface EnrolmentFact {
  cadenceId: string;
  status: 'active' | 'paused' | 'ended';
  /** The current step (0-based); for an ended enrolment, the step it ended at. */
  stepIndex: number;
  /** The step of the first conversation with a person; null when nobody was reached. */
  reachedStep: number | null;
  /** The step where a meeting was booked or the lead became an opportunity; null otherwise. */
  convertedStep: number | null;
}

export interface CadenceStepFigures {
  stepIndex: number;
  kind: CadenceStepKind | null;
  enrolled: number;
  reached: number;
  converted: number;
  ended: number;
}

export interface CadenceFigures {
  cadenceId: string;
  name: string;
  enrolled: number;
  reached: number;
  converted: number;
  ended: number;
  open: number;
  steps: CadenceStepFigures[];
}

/**
 * Per cadence (in the order given) and step: how many enrolments arrived at the step (an
 * enrolment at step k has passed steps 0…k), how many first reached a person there, how many
 * booked a meeting or became an opportunity there, and how many ended there. The cadence's totals
 * count each enrolment once. Steps are those of the newest version, followed by any step only an
 * older version had (its kind unknown). Enrolments of cadences not given are left out.
 */
export function cadenceFigures(defs: readonly CadenceDef[], facts: readonly EnrolmentFact[]): CadenceFigures[] {
  return defs.map((d) => {
    const own = facts.filter((f) => f.cadenceId === d.id);
    const stepCount = Math.max(d.steps.length, ...own.map((f) => f.stepIndex + 1));
    const steps: CadenceStepFigures[] = Array.from({ length: stepCount }, (_, i) => ({
      stepIndex: i,
      kind: d.steps[i]?.kind ?? null,
      enrolled: own.filter((f) => f.stepIndex >= i).length,
      reached: own.filter((f) => f.reachedStep === i).length,
      converted: own.filter((f) => f.convertedStep === i).length,
      ended: own.filter((f) => f.status === 'ended' && f.stepIndex === i).length,
    }));
    return {
      cadenceId: d.id,
      name: d.name,
      enrolled: own.length,
      reached: own.filter((f) => f.reachedStep !== null).length,
      converted: own.filter((f) => f.convertedStep !== null).length,
      ended: own.filter((f) => f.status === 'ended').length,
      open: own.filter((f) => f.status !== 'ended').length,
      steps,
    };
  });
}
