import { h } from './dom.js';

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A small form to pick the "as of" date of a status page. */
export function asOfForm(value: string, onChange: (date: string) => void): HTMLFormElement {
  const input = h('input', { id: 'as-of', name: 'asOf', type: 'date', value });
  const form = h(
    'form',
    { class: 'as-of' },
    h('label', { for: 'as-of' }, 'As of '),
    input,
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value) onChange(input.value);
  });
  return form;
}
