import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../api.ts';
import { humanMessage } from '../../problem-text.ts';

/** Field path (as the API names it, e.g. `stages.2.probability`) → message. */
export type FieldErrors = Record<string, string>;

function issuesToErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const i of error.issues) {
    const key = i.path.length > 0 ? i.path.map(String).join('.') : '_';
    out[key] ??= i.message;
  }
  return out;
}

/**
 * Submits a form: checks the input with the same zod schema the server validates with, sends it,
 * and keeps the refusal (problem+json) as a message and per-field errors to show next to the fields.
 */
export function useSubmit(refreshOnConflict?: QueryKey) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run<S extends z.ZodType, R>(
    schema: S,
    input: unknown,
    send: (value: z.infer<S>) => Promise<R>,
  ): Promise<R | null> {
    setError(null);
    setErrors({});
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error));
      setError('Some fields need attention.');
      return null;
    }
    setBusy(true);
    try {
      return await send(parsed.data);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(
        err.code === 'version_conflict'
          ? `${err.detail}: someone changed it meanwhile. The list was reloaded; check and save again.`
          : err.detail,
      );
      setErrors(Object.fromEntries(err.errors.map((e) => [e.field, humanMessage(e.message)])));
      if (err.code === 'version_conflict' && refreshOnConflict)
        await queryClient.invalidateQueries({ queryKey: refreshOnConflict });
      return null;
    } finally {
      setBusy(false);
    }
  }

  const clear = () => {
    setError(null);
    setErrors({});
  };
  return { errors, error, busy, run, clear };
}

/** A labelled control with its error underneath (the control gets aria-invalid from the caller). */
export function Field({
  label,
  error,
  children,
  className,
}: {
  label: string;
  error?: string | undefined;
  children: ReactNode;
  className?: string;
}) {
  return (
    <label className={className}>
      <span>{label}</span>
      {children}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

/** The refusal's message for the whole form, announced to screen readers. */
export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}

/** An input's value for an optional text field: empty means "none". */
export const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/** An optional whole number typed as text; anything else is left as text so the schema names it. */
export function intOrNull(v: string): number | string | null {
  const t = v.trim();
  if (t === '') return null;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

/** Lists of the admin screens load once and page on the client; fine for reference data. */
export const adminKey = (name: string): QueryKey => ['admin', name];
