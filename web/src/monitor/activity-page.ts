import { render as draw, h as jsx } from 'preact';
import { OutboxList } from '../offline/outbox-list.js';
import { fileThroughOutbox, type OutboxEntry } from '../offline/outbox.js';
import type { PageModule } from '../page.js';
import { hasRole } from '../session.js';
import { todayIso } from '../ui/as-of.js';
import { h } from '../ui/dom.js';
import { errorBox } from '../ui/layout.js';
import {
  clearErrors,
  field,
  focusFirstError,
  formStatus,
  numberOf,
  setStatus,
  showFieldError,
  valueOf,
} from '../ui/forms.js';

/** The mission's daily activity record, as a monitor files it. */
const COUNTS: readonly (readonly [string, string])[] = [
  ['personnel', 'Personnel'],
  ['armouredVehicles', 'Armoured vehicles'],
  ['otherVehicles', 'Other vehicles'],
  ['observationPosts', 'Observation posts'],
  ['patrols', 'Patrols'],
  ['escortVehicles', 'Vehicles escorted'],
  ['escortPeople', 'People escorted'],
  ['returned', 'Displaced people returned'],
  ['deminedHectares', 'Hectares demined'],
  ['explosiveItems', 'Explosive items destroyed'],
  ['humanitarianTonnes', 'Humanitarian aid (tonnes)'],
  ['violationsRecorded', 'Violations recorded'],
];

export const activityPage: PageModule = {
  title: 'Daily activity',
  async render(main) {
    main.append(h('h1', {}, 'Daily activity'));
    if (!hasRole('admin', 'analyst', 'monitor')) {
      main.append(
        errorBox('Only the mission’s monitors file daily activity.'),
        h('a', { href: '#/login' }, 'Sign in'),
      );
      return;
    }
    const form = activityForm();
    const outbox = h('div', { class: 'outbox-slot' });
    main.append(form, outbox);
    draw(jsx(OutboxList, { kind: 'activity', onEdit: (entry) => editEntry(form, entry) }), outbox);
    return () => draw(null, outbox);
  },
};

function activityForm(): HTMLFormElement {
  const form = h(
    'form',
    { class: 'activity-form', novalidate: true },
    field({ name: 'day', label: 'Day', type: 'date', required: true, value: todayIso() }),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Figures for the day'),
      ...COUNTS.map(([name, label]) =>
        field({ name, label, type: 'number', attrs: { min: '0', step: 'any' } }),
      ),
    ),
    field({ name: 'escortCorridor', label: 'Corridor of the escorts' }),
    field({ name: 'notes', label: 'Notes', multiline: true }),
    h('button', { type: 'submit' }, 'File daily activity'),
    formStatus(),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(form);
  });
  return form;
}

async function submit(form: HTMLFormElement): Promise<void> {
  clearErrors(form);
  const day = valueOf(form, 'day');
  if (!day) {
    showFieldError(form, 'day', 'Please give the day.');
    focusFirstError(form);
    return;
  }
  const body: Record<string, unknown> = {
    day,
    escortCorridor: valueOf(form, 'escortCorridor') || null,
    notes: valueOf(form, 'notes') || null,
  };
  for (const [name] of COUNTS) {
    const value = numberOf(form, name);
    if (value !== null) body[name] = value;
  }
  // Through the outbox (web/src/offline/outbox.ts): kept on the device until the server has it.
  const editedId = editing.get(form);
  editing.delete(form);
  const filed = await fileThroughOutbox(
    {
      kind: 'activity',
      path: '/mission/activity',
      label: `Daily activity of ${day}`,
      body,
      idempotencyKey: null,
      alreadyThereRule: 'one record per day',
    },
    editedId,
  );
  if (filed.state === 'sent') setStatus(form, `Activity for ${day} filed.`, 'ok');
  else if (filed.state === 'refused') editEntry(form, filed);
  else
    setStatus(
      form,
      `No connection to the server: the activity for ${day} is kept in the outbox below and sent when the connection returns.`,
      'ok',
    );
}

/** The outbox entry the form is editing (a refused day being fixed). */
const editing = new WeakMap<HTMLFormElement, number>();

/** Puts a refused day back into the form with the server's reason next to its field. */
function editEntry(form: HTMLFormElement, entry: OutboxEntry): void {
  clearErrors(form);
  form.reset();
  for (const [name, value] of Object.entries(entry.body)) {
    const control = form.elements.namedItem(name);
    if (value !== null && (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement))
      control.value = String(value);
  }
  editing.set(form, entry.id);
  if (entry.field) showFieldError(form, entry.field, entry.reason ?? '');
  setStatus(form, `Refused by the server: ${entry.reason ?? ''}. Fix it and file it again.`, 'error');
  focusFirstError(form);
}
