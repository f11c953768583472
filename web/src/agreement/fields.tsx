import { h as jsx, render, type ComponentChildren, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Loaded } from '../ui/use-load.js';
import { ApiError, messageOf } from '../api-client.js';
import type { PageModule } from '../page.js';
import type { Location } from '../router.js';

/**
 * Form parts as Preact components: a labelled field with its error in words next to it (linked
 * by `aria-describedby`, the control marked `aria-invalid`), a select with labelled options, a
 * status line, and what shows while data loads or when it failed.
 */
export type Errors = Readonly<Record<string, string>>;

interface FieldProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly error?: string | undefined;
  readonly type?: string;
  readonly required?: boolean;
  readonly multiline?: boolean;
  readonly hint?: string;
  readonly min?: string;
  readonly step?: string;
  readonly inputMode?: 'numeric' | 'decimal';
}

export function Field(p: FieldProps) {
  const describedBy = [p.hint ? `${p.id}-hint` : '', `${p.id}-error`].filter(Boolean).join(' ');
  const common = {
    id: p.id,
    name: p.name,
    value: p.value,
    'aria-describedby': describedBy,
    'aria-invalid': p.error ? ('true' as const) : undefined,
    'aria-required': p.required ? ('true' as const) : undefined,
    onInput: (event: Event) => p.onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field" data-field={p.name}>
      <label for={p.id}>
        {p.label}
        {p.required ? (
          <span class="req" aria-hidden="true">
            {' *'}
          </span>
        ) : null}
      </label>
      {p.hint ? (
        <p id={`${p.id}-hint`} class="hint">
          {p.hint}
        </p>
      ) : null}
      {p.multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input type={p.type ?? 'text'} min={p.min} step={p.step} inputMode={p.inputMode} {...common} />
      )}
      <p id={`${p.id}-error`} class="error" aria-live="polite">
        {p.error ?? ''}
      </p>
    </div>
  );
}

interface SelectProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly choices: readonly (readonly [string, string])[];
  readonly error?: string | undefined;
}

export function Select(p: SelectProps) {
  return (
    <div class="field" data-field={p.name}>
      <label for={p.id}>{p.label}</label>
      <select
        id={p.id}
        name={p.name}
        value={p.value}
        aria-describedby={`${p.id}-error`}
        aria-invalid={p.error ? 'true' : undefined}
        onInput={(event) => p.onInput(event.currentTarget.value)}
      >
        {p.choices.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <p id={`${p.id}-error`} class="error" aria-live="polite">
        {p.error ?? ''}
      </p>
    </div>
  );
}

/** The form's status line: a failure is an alert, a success a status. */
export function FormStatus({ failure }: { readonly failure: string | null }) {
  return (
    <div class="form-status" aria-live="polite">
      {failure ? (
        <p class="error" role="alert">
          {failure}
        </p>
      ) : null}
    </div>
  );
}

/** Moves the focus to the first field marked wrong in `form` (after the errors are drawn). */
export function focusFirstError(form: HTMLFormElement | null): void {
  setTimeout(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}

/**
 * A refusal from the server as field errors (the field it names, in the words the form chose
 * for that field when it has some) or, failing that, as the form's status line.
 */
export function refusal(
  error: unknown,
  fields: readonly string[],
  words: Readonly<Record<string, string>> = {},
): { errors: Errors; failure: string | null } {
  if (error instanceof ApiError) {
    const named = error.field ?? '';
    const name =
      named.startsWith('evidence') && named.endsWith('url') ? 'evidenceUrl' : (named.split('.')[0] ?? '');
    if (fields.includes(name))
      return { errors: { [name]: words[name] ?? error.body.details?.rule ?? error.message }, failure: null };
    return { errors: {}, failure: `Not saved: ${error.message}` };
  }
  return { errors: {}, failure: `Not saved: ${messageOf(error)}. Try again.` };
}

/**
 * A page written as a Preact component whose data is loaded before it is shown, so the app's
 * "Loading…" and "Try again" cover it like every page, and the page appears whole.
 */
export function preloadedPage<T>(
  title: string | (() => string),
  load: (location: Location) => Promise<T>,
  View: ComponentType<{ readonly location: Location; readonly initial: T }>,
): PageModule {
  return {
    /** A function gives the title in the active language each time it is read. */
    get title() {
      return typeof title === 'string' ? title : title();
    },
    async render(container, location) {
      const initial = await load(location);
      render(jsx(View, { location, initial }), container);
      return () => render(null, container);
    },
  };
}

/** What shows while data loads (`useLoad`) or when it failed (with a retry). */
export function Pending({ loaded }: { readonly loaded: Loaded<unknown> }) {
  if (loaded.error)
    return (
      <p class="error" role="alert">
        {`Could not load: ${loaded.error}. `}
        <button type="button" onClick={() => void loaded.reload()}>
          Try again
        </button>
      </p>
    );
  if (loaded.loading && loaded.value === null)
    return (
      <p class="loading" role="status">
        Loading…
      </p>
    );
  return null;
}

/** A card section with a heading. */
export function Card({ title, children }: { readonly title: string; readonly children: ComponentChildren }) {
  return (
    <section class="card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** The message a change leaves at the top of the page, focused so a screen reader reads it. */
export function Done({ message }: { readonly message: string | null }) {
  const [node, setNode] = useState<HTMLParagraphElement | null>(null);
  useEffect(() => node?.focus(), [node, message]);
  return (
    <div class="change-status" aria-live="polite">
      {message ? (
        <p class="ok" role="status" tabIndex={-1} ref={setNode}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** An audit actor as people read it: the name without its kind (`user:amira` → `amira`). */
export const actorName = (actor: string): string => actor.replace(/^[a-z]+:/, '');
