import { postJson } from '../api-client.js';
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
  showServerError,
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
    main.append(activityForm());
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
  try {
    await postJson('/mission/activity', body);
    setStatus(form, `Activity for ${day} filed.`, 'ok');
  } catch (error) {
    showServerError(form, error);
  }
}
