import { ApiError, messageOf } from '../api-client.js';
import { h, replace } from './dom.js';

/**
 * Labelled fields whose error sits next to them: the message is linked by `aria-describedby`,
 * the field marked `aria-invalid`, and the first wrong field gets the focus.
 */
export interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly multiline?: boolean;
  readonly hint?: string;
  readonly value?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  /** The control's id when two forms of a page share a field name (default `f-<name>`). */
  readonly id?: string;
}

export function field(options: FieldOptions): HTMLElement {
  const id = options.id ?? `f-${options.name}`;
  const describedBy = [options.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  const control = options.multiline
    ? h('textarea', { id, name: options.name, rows: 5, 'aria-describedby': describedBy })
    : h('input', { id, name: options.name, type: options.type ?? 'text', 'aria-describedby': describedBy });
  if (options.required) control.setAttribute('aria-required', 'true');
  if (options.value !== undefined) control.value = options.value;
  for (const [name, value] of Object.entries(options.attrs ?? {})) control.setAttribute(name, value);
  return h(
    'div',
    { class: 'field', 'data-field': options.name },
    h(
      'label',
      { for: id },
      options.label,
      options.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
    ),
    options.hint ? h('p', { id: `${id}-hint`, class: 'hint' }, options.hint) : null,
    control,
    h('p', { id: `${id}-error`, class: 'error', 'aria-live': 'polite' }),
  );
}

export function selectField(
  name: string,
  label: string,
  options: readonly string[],
  value = '',
  id = `f-${name}`,
): HTMLElement {
  const select = h('select', { id, name, 'aria-describedby': `${id}-error` });
  for (const option of options)
    select.append(h('option', { value: option, selected: option === value }, option.replace(/_/g, ' ')));
  return h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: id }, label),
    select,
    h('p', { id: `${id}-error`, class: 'error', 'aria-live': 'polite' }),
  );
}

/** Shows `message` next to the field `name`; returns false when the form has no such field. */
export function showFieldError(form: HTMLFormElement, name: string, message: string): boolean {
  const box = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  const error = box?.querySelector('.error');
  const control = box?.querySelector('input, textarea, select');
  if (!error || !control) return false;
  error.textContent = message;
  control.setAttribute('aria-invalid', 'true');
  return true;
}

export function clearErrors(form: HTMLFormElement): void {
  for (const error of form.querySelectorAll('.error')) error.textContent = '';
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  const status = form.querySelector('.form-status');
  if (status) replace(status);
}

export function focusFirstError(form: HTMLFormElement): void {
  const wrong = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  wrong?.focus();
}

/** The form's status line (role=status for success, role=alert for failures). */
export function formStatus(): HTMLElement {
  return h('div', { class: 'form-status', 'aria-live': 'polite' });
}

export function setStatus(form: HTMLFormElement, message: string, kind: 'ok' | 'error'): void {
  const status = form.querySelector('.form-status');
  if (!status) return;
  replace(status, h('p', { class: kind, role: kind === 'error' ? 'alert' : 'status' }, message));
}

/** Puts a server error next to its field when it names one, otherwise in the status line. */
export function showServerError(form: HTMLFormElement, error: unknown): void {
  if (error instanceof ApiError && error.field && showFieldError(form, error.field, error.fieldText)) {
    focusFirstError(form);
    return;
  }
  setStatus(form, messageOf(error), 'error');
}

/** Reads a trimmed text value from a form. */
export function valueOf(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** Reads a number, or null when the field is empty. */
export function numberOf(form: HTMLFormElement, name: string): number | null {
  const raw = valueOf(form, name);
  return raw === '' ? null : Number(raw);
}

/** A key generated in the browser so that a retried submission is one report. */
export function newIdempotencyKey(): string {
  // getRandomValues, unlike randomUUID, also works on plain http (a field laptop on a LAN).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
