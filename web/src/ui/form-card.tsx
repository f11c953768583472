import type { ComponentChildren, RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { FormStatus, focusFirstError, refusal, type Errors } from '../agreement/fields.js';

/**
 * The shell every change form shares: a card holding one form titled by its heading, checked by
 * the app rather than the browser, its submit button and its status line; and the hook holding
 * its field errors and failure, from the checks before sending or from the server's refusal.
 */

export interface FormErrors {
  readonly form: RefObject<HTMLFormElement>;
  readonly errors: Errors;
  readonly failure: string | null;
  readonly setErrors: (errors: Errors) => void;
  readonly setFailure: (failure: string | null) => void;
  /** Shows what the checks before sending found, the status line cleared; whether the form may be sent. */
  readonly passes: (wrong: Errors) => boolean;
  /** Shows the server's refusal on the field it names or on the status line, and focuses that field. */
  readonly refused: (
    error: unknown,
    fields: readonly string[],
    words?: Readonly<Record<string, string>>,
  ) => void;
}

export function useFormErrors(): FormErrors {
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  return {
    form,
    errors,
    failure,
    setErrors,
    setFailure,
    passes(wrong) {
      setErrors(wrong);
      setFailure(null);
      if (Object.keys(wrong).length === 0) return true;
      focusFirstError(form.current);
      return false;
    },
    refused(error, fields, words) {
      const r = refusal(error, fields, words);
      setErrors(r.errors);
      setFailure(r.failure);
      focusFirstError(form.current);
    },
  };
}

interface FormCardProps {
  readonly state: FormErrors;
  /** The form's class, and the prefix of its heading's id. */
  readonly name: string;
  readonly title: string;
  readonly submit: string;
  /** The submit button's class (`danger` for a removal). */
  readonly submitClass?: string;
  readonly onSubmit: () => Promise<void>;
  /** What the form says once it is sent (a status line after the button), for forms that stay on the page. */
  readonly done?: string | null;
  readonly children: ComponentChildren;
}

export function FormCard(p: FormCardProps) {
  const titleId = `${p.name.replace(/-form$/, '')}-title`;
  return (
    <section class="card">
      <form
        ref={p.state.form}
        class={p.name}
        noValidate
        aria-labelledby={titleId}
        onSubmit={(event) => {
          event.preventDefault();
          void p.onSubmit();
        }}
      >
        <h2 id={titleId}>{p.title}</h2>
        {p.children}
        <button type="submit" class={p.submitClass}>
          {p.submit}
        </button>
        {p.done === undefined ? null : (
          <div class="form-status" aria-live="polite">
            {p.done ? (
              <p class="ok" role="status">
                {p.done}
              </p>
            ) : null}
          </div>
        )}
        <FormStatus failure={p.state.failure} />
      </form>
    </section>
  );
}
