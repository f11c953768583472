import { issuesText, issueText, type ServerIssue } from './i18n/rule-messages.js';

/**
 * The one place the app talks to the server: JSON in and out, the CSRF header on every POST,
 * and errors as values the pages can show next to the field they name, in the active language
 * where the catalogue knows the rule's code (see i18n/rule-messages.ts).
 */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  /** The first issue's field, rule, rule code and parameters, and every issue. */
  readonly details?: ServerIssue & { readonly issues?: readonly ServerIssue[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
  get field(): string | undefined {
    return this.body.details?.field;
  }
  /** Each broken rule the server named (one when it gave no list). */
  get issues(): readonly ServerIssue[] {
    const details = this.body.details;
    if (!details) return [];
    return details.issues ?? [{ ...details, message: this.body.message }];
  }
  /** The error in the active language, or the server's words when a rule cannot be said in it. */
  get text(): string {
    return issuesText(this.issues) ?? this.message;
  }
  /** What to show next to the field the error names: its own issue, in the active language. */
  get fieldText(): string {
    const own = this.issues.find((issue) => issue.field === this.field);
    return (own && (issueText(own) ?? own.message)) ?? this.text;
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token that login or `/api/auth/me` returned. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type Query = Readonly<Record<string, string | number | undefined | null>>;

/** Builds `/api/path?…`, leaving out empty parameters. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

/** GET a JSON document. */
export async function getJson<T>(path: string, query: Query = {}): Promise<T> {
  const response = await fetch(apiUrl(path, query), {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  return readResponse<T>(response);
}

/** GET a text document (bulletins in Markdown). */
export async function getText(path: string, query: Query = {}): Promise<string> {
  const response = await fetch(apiUrl(path, query), { credentials: 'same-origin' });
  if (!response.ok) await readResponse<unknown>(response);
  return response.text();
}

/** POST JSON with the CSRF token. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(apiUrl(path), {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: JSON.stringify(body),
  });
  return readResponse<T>(response);
}

let onUnauthenticated: (() => void) | null = null;

/** Called when the server answers 401: the session the app holds has ended (expired, signed out elsewhere). */
export function whenUnauthenticated(listener: () => void): void {
  onUnauthenticated = listener;
}

/** DELETE with the CSRF token (revoking a token). */
export async function deleteJson<T>(path: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(apiUrl(path), { method: 'DELETE', credentials: 'same-origin', headers });
  return readResponse<T>(response);
}

async function readResponse<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  if (response.status === 401) onUnauthenticated?.();
  throw new ApiError(response.status, errorBodyOf(body, response.status));
}

function errorBodyOf(body: unknown, status: number): ApiErrorBody {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null && 'message' in error) return error as ApiErrorBody;
  }
  return { code: status >= 500 ? 'unavailable' : 'invalid', message: `the server answered ${status}` };
}

/** A message for people from any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.text;
  return error instanceof Error ? error.message : String(error);
}
