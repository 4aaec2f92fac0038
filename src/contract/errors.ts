/** Stable error codes; the HTTP layer maps each to one status in one place. */
export const errorCodes = {
  validation_failed: 422,
  bad_request: 400,
  malformed_json: 400,
  malformed_url: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  idempotency_conflict: 409,
  duplicate: 409,
  precondition_required: 428,
  stage_gate_failed: 422,
  disclosure_required: 422,
  dual_agency_forbidden: 422,
  dual_agency_consent_required: 409,
  stage_order_violation: 422,
  invalid_transition: 422,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  organization_ambiguous: 400,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldProblem {
  /** Dotted path of the field, e.g. `lineItems.0.quantity`. */
  field: string;
  message: string;
}

/** The one error type of the application: a stable code, a human message, optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    opts: { fields?: FieldProblem[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }
}

export const notFound = (entity: string, id?: string): AppError =>
  new AppError('not_found', id ? `${entity} ${id} was not found` : `${entity} was not found`, {
    details: { entity, ...(id ? { id } : {}) },
  });

export const forbidden = (message = 'You are not allowed to do this'): AppError => new AppError('forbidden', message);

export const invalid = (fields: FieldProblem[], message = 'The request is not valid'): AppError =>
  new AppError('validation_failed', message, { fields });

export const versionConflict = (entity: string, id: string, current: number, sent: number): AppError =>
  new AppError(
    'version_conflict',
    `${entity} ${id} was changed by someone else: you sent version ${sent}, it is now at version ${current}`,
    {
      details: { entity, id, currentVersion: current, sentVersion: sent },
    },
  );
