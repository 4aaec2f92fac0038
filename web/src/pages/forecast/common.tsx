import type { FieldProblem } from '../../api.ts';

export const figureKeys = ['commit', 'bestCase', 'pipeline'] as const;
export type FigureKey = (typeof figureKeys)[number];
export const figureLabels: Record<FigureKey, string> = {
  commit: 'Commit',
  bestCase: 'Best case',
  pipeline: 'Pipeline',
};
export const categoryLabels: Record<string, string> = {
  commit: 'Commit',
  best_case: 'Best case',
  pipeline: 'Pipeline',
  omitted: 'Omitted',
};

/** The message of the problem the server named for a field, if any. */
export function problemAt(problems: readonly FieldProblem[], field: string): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}

/** A ratio as a percentage with one decimal ("87.5%"), or a dash when there is none. */
export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`;
}

/** A money input: the value as typed (an exact decimal the server checks), its problem beside it. */
export function AmountInput({
  label,
  value,
  onChange,
  problem,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  problem?: string;
  testId?: string;
}) {
  return (
    <label>
      {label}
      <input
        value={value}
        inputMode="decimal"
        aria-invalid={problem ? true : undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem && <span className="field-error">{problem}</span>}
    </label>
  );
}
