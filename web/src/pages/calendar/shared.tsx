import type { FieldProblem } from '../../api.ts';
import { api } from '../../api.ts';
import { fieldLabel } from '../../components/form-errors.ts';

/** A user's booking settings (time zone, working hours...). */
export const availabilityQuery = (userId: string) => ({
  queryKey: ['availability', userId],
  queryFn: () => api.get('/users/{id}/availability', { params: { path: { id: userId } } }),
  enabled: userId !== '',
});

/** The problems the API named for one field, in plain words beside it. */
export function FieldErrors({ problems }: { problems: FieldProblem[] | undefined }) {
  if (!problems || problems.length === 0) return null;
  return (
    <span className="error small" role="alert">
      {problems.map((p) => `${fieldLabel(p.field)}: ${p.message}`).join('; ')}
    </span>
  );
}
