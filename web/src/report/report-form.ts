import { ApiError, postJson } from '../api-client.js';
import type { PageModule } from '../page.js';
import { h } from '../ui/dom.js';
import {
  clearErrors,
  field,
  focusFirstError,
  formStatus,
  newIdempotencyKey,
  setStatus,
  showFieldError,
  showServerError,
  valueOf,
} from '../ui/forms.js';
import { t } from '../i18n/i18n.js';
import { readPhotos } from './photos.js';

/** The public report form: comment and name required, a honeypot, one idempotency key per report. */
export const reportPage: PageModule = {
  get title() {
    return t('report.title');
  },
  async render(main) {
    main.append(h('h1', {}, t('report.title')), h('p', {}, t('report.intro')), reportForm());
  },
};

function reportForm(): HTMLFormElement {
  const form = h(
    'form',
    { class: 'report-form', novalidate: true, 'aria-describedby': 'report-required' },
    h('p', { id: 'report-required', class: 'hint' }, t('report.required')),
    field({ name: 'comment', label: t('report.comment'), multiline: true, required: true }),
    field({ name: 'name', label: t('report.name'), required: true, attrs: { autocomplete: 'name' } }),
    field({ name: 'contact', label: t('report.contact'), attrs: { autocomplete: 'email' } }),
    field({ name: 'placeName', label: t('report.place') }),
    field({ name: 'date', label: t('report.date'), type: 'date' }),
    field({
      name: 'photos',
      label: t('report.photos'),
      type: 'file',
      attrs: { accept: 'image/jpeg,image/png', multiple: '' },
    }),
    honeypot(),
    h('button', { type: 'submit' }, t('report.send')),
    formStatus(),
  );
  let key = newIdempotencyKey();
  let sending = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    void submitReport(form, key)
      .then((sent) => {
        if (sent) key = newIdempotencyKey();
      })
      .finally(() => (sending = false));
  });
  return form;
}

/** A field people never see nor hear; bots fill it in. */
function honeypot(): HTMLElement {
  return h(
    'div',
    { class: 'hp', 'aria-hidden': 'true' },
    h('label', { for: 'f-website' }, 'Website'),
    h('input', { id: 'f-website', name: 'website', type: 'text', tabindex: -1, autocomplete: 'off' }),
  );
}

function checkRequired(form: HTMLFormElement): boolean {
  const required: readonly (readonly [string, string])[] = [
    ['comment', t('report.commentRequired')],
    ['name', t('report.nameRequired')],
  ];
  const missing = required.filter(([name]) => !valueOf(form, name));
  for (const [name, message] of missing) showFieldError(form, name, message);
  return missing.length === 0;
}

async function submitReport(form: HTMLFormElement, idempotencyKey: string): Promise<boolean> {
  clearErrors(form);
  if (!checkRequired(form)) {
    focusFirstError(form);
    return false;
  }
  const button = form.querySelector('button[type="submit"]');
  button?.setAttribute('aria-disabled', 'true');
  try {
    const body = await reportBody(form, idempotencyKey);
    await postJson('/public/reports', body);
    thank(form);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) setStatus(form, t('report.tooMany'), 'error');
    else showServerError(form, error);
    return false;
  } finally {
    button?.removeAttribute('aria-disabled');
  }
}

async function reportBody(form: HTMLFormElement, idempotencyKey: string): Promise<Record<string, unknown>> {
  const optional = (name: string) => valueOf(form, name) || undefined;
  const input = form.querySelector<HTMLInputElement>('input[name="photos"]');
  const photos = input?.files?.length ? await readPhotos(input.files) : undefined;
  return {
    comment: valueOf(form, 'comment'),
    name: valueOf(form, 'name'),
    contact: optional('contact'),
    placeName: optional('placeName'),
    date: optional('date'),
    website: valueOf(form, 'website'),
    idempotencyKey,
    photos,
  };
}

function thank(form: HTMLFormElement): void {
  form.reset();
  setStatus(form, t('report.thanks'), 'ok');
  const status = form.querySelector<HTMLElement>('.form-status p');
  if (status) {
    status.tabIndex = -1;
    status.focus();
  }
}
