/**
 * The closed set of error kinds Truce throws. Each has a stable code; HTTP statuses and CLI
 * exit codes are mapped in exactly one place each (`httpStatusOf`, `exitCodeOf`).
 *
 * @example
 *   throw new TruceError('invalid', 'port must be an integer between 1 and 65535', { field: 'port' });
 */
export type ErrorCode =
  'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'rate_limited' | 'unavailable';

export interface ErrorDetails {
  /** The input field the error is about, as the caller named it (`--db`, `comment`, `rows[3].event_date`). */
  readonly field?: string;
  /** The rule that was broken, in words (`must be sqlite:PATH or postgres://…`). */
  readonly rule?: string;
  readonly [key: string]: unknown;
}

export class TruceError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'TruceError';
    this.code = code;
    this.details = details;
  }
}

export const invalid = (field: string, rule: string, extra: ErrorDetails = {}): TruceError =>
  new TruceError('invalid', `${field}: ${rule}`, { ...extra, field, rule });

/**
 * Nothing of that kind under that id. The message names a record by its number, the way pages
 * show it ("Incident #13"), and never repeats an internal name (a slug, a username): those stay
 * in `details`. `within` says whose part it would be ("incident #13").
 *
 * @example notFound('report', 1, 'incident #13').message // 'Report #1 was not found on incident #13'
 * @example notFound('mission', 'some-mission-slug').message // 'No such mission is on record'
 */
export function notFound(what: string, id: string | number, within?: string): TruceError {
  const details = { entity: what, id, ...(within ? { within } : {}) };
  const noun = what.charAt(0).toUpperCase() + what.slice(1);
  const numbered = typeof id === 'number' || /^\d+$/.test(id);
  const message = numbered
    ? `${noun} #${id} was not found${within ? ` on ${within}` : ''}`
    : id === '(any)'
      ? `No ${what} is on record yet`
      : `No such ${what} is on record`;
  return new TruceError('not_found', message, details);
}

export const conflict = (message: string, details: ErrorDetails = {}): TruceError =>
  new TruceError('conflict', message, details);

export const forbidden = (message: string, details: ErrorDetails = {}): TruceError =>
  new TruceError('forbidden', message, details);

const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

/** Exit codes: 1 is reserved for "the check failed" (e.g. `audit verify`), 2 for bad usage. */
const EXIT_CODE: Record<ErrorCode, number> = {
  invalid: 2,
  unauthenticated: 3,
  forbidden: 3,
  not_found: 4,
  conflict: 5,
  unavailable: 6,
  rate_limited: 7,
};

export const httpStatusOf = (error: unknown): number =>
  error instanceof TruceError ? HTTP_STATUS[error.code] : 500;

export const exitCodeOf = (error: unknown): number =>
  error instanceof TruceError ? EXIT_CODE[error.code] : 70;

/** The JSON body of an error, for HTTP answers and `--format json` on the CLI. */
export function presentError(error: unknown): {
  error: { code: string; message: string; details?: ErrorDetails };
} {
  if (error instanceof TruceError) {
    return { error: { code: error.code, message: error.message, details: error.details } };
  }
  return { error: { code: 'internal', message: 'internal error' } };
}
