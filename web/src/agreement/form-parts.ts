import { ApiError } from '../api-client.js';
import { h } from '../ui/dom.js';
import { field, focusFirstError, setStatus, showFieldError, valueOf } from '../ui/forms.js';

/** Pieces the commitment forms share: the evidence fields, a select with labels, server errors placed. */

/** The evidence a change cites: what it is (required) and where it can be read. */
export function evidenceFields(prefix: string): HTMLElement[] {
  return [
    field({
      id: `${prefix}-evidence`,
      name: 'evidence',
      label: 'Evidence',
      required: true,
      hint: 'What shows it: a report, a bulletin, a statement or the monitors’ observation.',
    }),
    field({
      id: `${prefix}-evidence-url`,
      name: 'evidenceUrl',
      label: 'Where it can be read (web address, optional)',
      type: 'url',
    }),
  ];
}

/** The evidence as the API takes it, or null (with the error shown next to the field) when it is missing or wrong. */
export function evidenceOf(
  form: HTMLFormElement,
): { kind: string; title: string; url: string | null }[] | null {
  const title = valueOf(form, 'evidence');
  const url = valueOf(form, 'evidenceUrl');
  let ok = true;
  if (!title)
    ok = !showFieldError(
      form,
      'evidence',
      'Please say what shows it: a report, a bulletin or an observation.',
    );
  if (url && !/^https?:\/\/\S+$/.test(url))
    ok = !showFieldError(form, 'evidenceUrl', 'The address must start with http:// or https://.') && ok;
  return ok ? [{ kind: url ? 'source' : 'note', title, url: url || null }] : null;
}

/** A labelled select whose options show words (`[value, label]` pairs). */
export function choice(options: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly choices: readonly (readonly [string, string])[];
  readonly value?: string;
}): HTMLElement {
  const select = h('select', {
    id: options.id,
    name: options.name,
    'aria-describedby': `${options.id}-error`,
  });
  for (const [value, label] of options.choices)
    select.append(h('option', { value, selected: value === options.value }, label));
  return h(
    'div',
    { class: 'field', 'data-field': options.name },
    h('label', { for: options.id }, options.label),
    select,
    h('p', { id: `${options.id}-error`, class: 'error', 'aria-live': 'polite' }),
  );
}

/**
 * Puts a refusal from the server next to the field it names, in words the form chose for that
 * field when it has some (`words`), else the server's own; otherwise in the form's status line.
 */
export function showRefusal(
  form: HTMLFormElement,
  error: unknown,
  words: Readonly<Record<string, string>> = {},
): void {
  if (error instanceof ApiError) {
    const name = (error.field ?? '').split('.')[0] ?? '';
    const target = name === 'evidence' && error.field?.endsWith('url') ? 'evidenceUrl' : name;
    if (target && showFieldError(form, target, words[target] ?? error.body.details?.rule ?? error.message)) {
      focusFirstError(form);
      return;
    }
    setStatus(form, `Not saved: ${error.message}`, 'error');
    return;
  }
  setStatus(form, `Not saved: the server could not be reached (${String(error)}). Try again.`, 'error');
}
