import { postJson } from '../api-client.js';
import type { PageModule } from '../page.js';
import { hasRole } from '../session.js';
import { h } from '../ui/dom.js';
import { errorBox } from '../ui/layout.js';
import {
  clearErrors,
  field,
  focusFirstError,
  formStatus,
  newIdempotencyKey,
  numberOf,
  selectField,
  setStatus,
  showFieldError,
  showServerError,
  valueOf,
} from '../ui/forms.js';
import { INCIDENT_KINDS } from '../ui/vocabulary.js';

/** A monitor's field report: becomes a candidate incident in the review queue. */
export const fieldReportPage: PageModule = {
  title: 'Field report',
  async render(main) {
    main.append(h('h1', {}, 'Field report'));
    if (!hasRole('admin', 'analyst', 'monitor')) {
      main.append(
        errorBox('Only monitors and analysts file field reports.'),
        h('a', { href: '#/login' }, 'Sign in'),
      );
      return;
    }
    main.append(fieldReportForm());
  },
};

function fieldReportForm(): HTMLFormElement {
  const form = h(
    'form',
    { class: 'field-report-form', novalidate: true },
    selectField('kind', 'Kind of incident', INCIDENT_KINDS, 'ceasefire_violation'),
    field({ name: 'date', label: 'Date', type: 'date', required: true }),
    field({ name: 'placeName', label: 'Place' }),
    field({ name: 'lat', label: 'Latitude', type: 'number', attrs: { step: 'any', min: '-90', max: '90' } }),
    field({
      name: 'lon',
      label: 'Longitude',
      type: 'number',
      attrs: { step: 'any', min: '-180', max: '180' },
    }),
    field({ name: 'description', label: 'What you observed', multiline: true, required: true }),
    field({ name: 'killed', label: 'Killed', type: 'number', attrs: { min: '0', step: '1' } }),
    field({ name: 'injured', label: 'Injured', type: 'number', attrs: { min: '0', step: '1' } }),
    h('button', { type: 'submit' }, 'File field report'),
    formStatus(),
  );
  let key = newIdempotencyKey();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(form, key).then((sent) => {
      if (sent) key = newIdempotencyKey();
    });
  });
  return form;
}

/**
 * A position is a latitude and a longitude together, each in range: one without the other would
 * be dropped or misplace the report, so the form says so next to the field.
 */
function checkCoordinates(form: HTMLFormElement): boolean {
  const lat = numberOf(form, 'lat');
  const lon = numberOf(form, 'lon');
  let ok = true;
  const wrong = (name: string, message: string) => {
    showFieldError(form, name, message);
    ok = false;
  };
  if (lat !== null && (!Number.isFinite(lat) || lat < -90 || lat > 90))
    wrong('lat', 'Latitude must be a number between -90 and 90.');
  if (lon !== null && (!Number.isFinite(lon) || lon < -180 || lon > 180))
    wrong('lon', 'Longitude must be a number between -180 and 180.');
  if (lat !== null && lon === null) wrong('lon', 'Please give the longitude too, or leave both empty.');
  if (lon !== null && lat === null) wrong('lat', 'Please give the latitude too, or leave both empty.');
  return ok;
}

async function submit(form: HTMLFormElement, idempotencyKey: string): Promise<boolean> {
  clearErrors(form);
  if (!valueOf(form, 'date')) showFieldError(form, 'date', 'Please give the date.');
  if (!valueOf(form, 'description'))
    showFieldError(form, 'description', 'Please describe what you observed.');
  const coordinatesOk = checkCoordinates(form);
  if (!valueOf(form, 'date') || !valueOf(form, 'description') || !coordinatesOk) {
    focusFirstError(form);
    return false;
  }
  const optional = (name: string) => numberOf(form, name) ?? undefined;
  try {
    const answer = await postJson<{ incidentId?: number }>('/field-reports', {
      kind: valueOf(form, 'kind'),
      date: valueOf(form, 'date'),
      placeName: valueOf(form, 'placeName') || undefined,
      lat: optional('lat'),
      lon: optional('lon'),
      description: valueOf(form, 'description'),
      killed: optional('killed'),
      injured: optional('injured'),
      idempotencyKey,
    });
    form.reset();
    const id = answer.incidentId;
    setStatus(form, `Field report filed${id ? ` as candidate incident #${id}` : ''}.`, 'ok');
    return true;
  } catch (error) {
    showServerError(form, error);
    return false;
  }
}
