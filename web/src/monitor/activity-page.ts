import { getJson, messageOf, postJson } from '../api-client.js';
import { activityDayPage } from '../mission/activity-day-page.js';
import { activityFields, fillActivity, readActivity } from '../mission/activity-fields.js';
import { activityItems, type Activity } from '../mission/mission-types.js';
import type { PageModule } from '../page.js';
import { hasRole } from '../session.js';
import { todayIso } from '../ui/as-of.js';
import { h, section } from '../ui/dom.js';
import { errorBox } from '../ui/layout.js';
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

/** The mission's daily activity: file a day (starting from the last one filed if wished), and the days filed, each to correct. */
const filePage: PageModule = {
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
    const filed = activityItems(await getJson<unknown>('/mission/activity'));
    main.append(activityForm(), filedDays(filed));
  },
};

/** `#/activity` files a day; `#/activity/2020-11-20` shows that day with its corrections and the form to correct it. */
export const activityPage: PageModule = {
  title: 'Daily activity',
  render: (main, location) => (location.segments[1] ? activityDayPage : filePage).render(main, location),
};

function activityForm(): HTMLFormElement {
  const prefill = h(
    'button',
    { type: 'button', class: 'secondary prefill' },
    'Start from the last day filed',
  );
  const form = h(
    'form',
    { class: 'activity-form', novalidate: true },
    field({ name: 'day', label: 'Day', type: 'date', required: true, value: todayIso() }),
    h('p', {}, prefill),
    h('p', { class: 'prefill-status hint', 'aria-live': 'polite' }),
    ...activityFields('new'),
    h('button', { type: 'submit' }, 'File daily activity'),
    formStatus(),
  );
  prefill.addEventListener('click', () => void prefillFrom(form));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(form);
  });
  return form;
}

async function prefillFrom(form: HTMLFormElement): Promise<void> {
  clearErrors(form);
  const day = valueOf(form, 'day');
  const note = form.querySelector('.prefill-status');
  if (!day) {
    showFieldError(
      form,
      'day',
      'Please give the day first: the form starts from the last day filed before it.',
    );
    focusFirstError(form);
    return;
  }
  try {
    const answer = await getJson<{ from: string | null; activity: Activity | null }>(
      '/mission/activity/prefill',
      { day },
    );
    if (!answer.activity || !answer.from) {
      if (note) note.textContent = `No day was filed before ${day}: nothing to start from.`;
      return;
    }
    fillActivity(form, answer.activity, { notes: false });
    if (note) note.textContent = `Filled from ${answer.from}. Check each figure before filing.`;
  } catch (error) {
    setStatus(form, `Could not read the last day filed: ${messageOf(error)}. Try again.`, 'error');
  }
}

async function submit(form: HTMLFormElement): Promise<void> {
  clearErrors(form);
  const day = valueOf(form, 'day');
  if (!day) showFieldError(form, 'day', 'Please give the day.');
  const figures = readActivity(form);
  if (!day || !figures) {
    focusFirstError(form);
    return;
  }
  try {
    await postJson('/mission/activity', { day, ...figures });
    setStatus(form, `Activity for ${day} filed.`, 'ok');
  } catch (error) {
    showServerError(form, error);
  }
}

function filedDays(filed: readonly Activity[]): HTMLElement {
  const recent = [...filed].reverse().slice(0, 30);
  return section(
    'Days filed',
    recent.length === 0
      ? h('p', {}, 'No day filed yet.')
      : h(
          'ul',
          { class: 'filed-days' },
          ...recent.map((a) =>
            h(
              'li',
              {},
              h('a', { href: `#/activity/${a.day}` }, `Correct ${a.day}`),
              ` — ${a.patrols} patrols, ${a.returned} returned`,
            ),
          ),
        ),
    recent.length < filed.length ? h('p', { class: 'hint' }, `The last 30 of ${filed.length} days.`) : null,
  );
}
