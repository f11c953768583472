import { ApiError, getJson, postJson } from '../api-client.js';
import type { PageModule } from '../page.js';
import { hasRole } from '../session.js';
import { h, replace, section } from '../ui/dom.js';
import {
  clearErrors,
  field,
  focusFirstError,
  formStatus,
  setStatus,
  showFieldError,
  showServerError,
  valueOf,
} from '../ui/forms.js';
import { activityFields, fieldLabel, fillActivity, readActivity } from './activity-fields.js';
import type { Activity, ActivityDay } from './mission-types.js';

/**
 * One filed day: its figures now, every correction with the values it replaced (struck through),
 * and for monitors, analysts and admins the form to correct it, saying why.
 */
export const activityDayPage: PageModule = {
  title: 'A day of activity',
  async render(main, location) {
    const day = location.segments[1] ?? '';
    await draw(main, day, null);
  },
};

async function draw(main: HTMLElement, day: string, message: string | null): Promise<void> {
  let record: ActivityDay;
  try {
    record = await getJson<ActivityDay>(`/mission/activity/${encodeURIComponent(day)}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    replace(
      main,
      h('h1', {}, `Activity of ${day}`),
      h('p', {}, 'No activity was filed for this day. ', h('a', { href: '#/activity' }, 'File it')),
    );
    return;
  }
  replace(
    main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/activity' }, '← Daily activity')),
    h('h1', {}, `Activity of ${day}`),
    h(
      'div',
      { class: 'change-status', 'aria-live': 'polite' },
      message ? h('p', { class: 'ok', role: 'status', tabindex: '-1' }, message) : null,
    ),
    section('Corrections', corrections(record)),
    hasRole('admin', 'analyst', 'monitor')
      ? correctionForm(record.activity, async (done) => {
          await draw(main, day, done);
          main.querySelector<HTMLElement>('.change-status p')?.focus();
        })
      : section('Figures', figures(record.activity)),
  );
}

const shown = (a: Activity, name: keyof Activity): string => {
  const value = a[name];
  if (value === null) return 'not reported';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  return String(value);
};

function corrections(record: ActivityDay): HTMLElement {
  if (record.corrections.length === 0) return h('p', { class: 'hint' }, 'This day has not been corrected.');
  const states = [...record.corrections.map((c) => c.previous), record.activity];
  return h(
    'ol',
    { class: 'corrections' },
    ...record.corrections.map((c, i) =>
      h(
        'li',
        {},
        h(
          'p',
          {},
          `Corrected ${c.correctedAt.slice(0, 16).replace('T', ' ')} UTC by ${c.correctedBy}: ${c.reason}`,
        ),
        h(
          'ul',
          {},
          ...c.changed.map((name) =>
            h(
              'li',
              { 'data-changed': name },
              `${fieldLabel(name)}: `,
              h('del', {}, shown(c.previous, name)),
              ' → ',
              h('ins', {}, shown(states[i + 1] ?? record.activity, name)),
            ),
          ),
        ),
      ),
    ),
  );
}

function figures(a: Activity): HTMLElement {
  const names = Object.keys(a).filter((k): k is keyof Activity => k !== 'day' && k !== 'sources');
  return h(
    'dl',
    { class: 'facts' },
    ...names.flatMap((n) => [h('dt', {}, fieldLabel(n)), h('dd', {}, shown(a, n))]),
  );
}

function correctionForm(filed: Activity, after: (message: string) => Promise<void>): HTMLElement {
  const form = h(
    'form',
    { class: 'correction-form', novalidate: true, 'aria-labelledby': 'correct-title' },
    h('h2', { id: 'correct-title' }, 'Correct this day'),
    h(
      'p',
      { class: 'hint' },
      'Change the figures that were wrong; the values they replace stay in the history above.',
    ),
    ...activityFields('fix'),
    field({ id: 'fix-reason', name: 'reason', label: 'Why the day is corrected', required: true }),
    h('button', { type: 'submit' }, 'Save the correction'),
    formStatus(),
  );
  fillActivity(form, filed, { notes: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(form, filed, after);
  });
  return h('section', { class: 'card' }, form);
}

async function submit(
  form: HTMLFormElement,
  filed: Activity,
  after: (message: string) => Promise<void>,
): Promise<void> {
  clearErrors(form);
  const reason = valueOf(form, 'reason');
  const next = readActivity(form);
  if (!reason) showFieldError(form, 'reason', 'Please say why the day is corrected.');
  if (!next || !reason) {
    focusFirstError(form);
    return;
  }
  const changes = Object.fromEntries(
    Object.entries(next).filter(
      ([name, value]) => JSON.stringify(value) !== JSON.stringify(filed[name as keyof Activity]),
    ),
  );
  const changed = Object.keys(changes);
  if (changed.length === 0) {
    setStatus(form, 'Nothing to save: change at least one figure of the day.', 'error');
    return;
  }
  try {
    await postJson(`/mission/activity/${encodeURIComponent(filed.day)}/corrections`, { ...changes, reason });
    await after(
      `Corrected ${changed.map((n) => fieldLabel(n as keyof Activity).toLowerCase()).join(', ')} of ${filed.day}.`,
    );
  } catch (error) {
    showServerError(form, error);
  }
}
