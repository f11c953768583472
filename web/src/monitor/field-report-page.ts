import { render as draw, h as jsx } from 'preact';
import { getJson } from '../api-client.js';
import { OutboxList } from '../offline/outbox-list.js';
import { fileThroughOutbox, referenceOf, type OutboxEntry } from '../offline/outbox.js';
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
  valueOf,
} from '../ui/forms.js';
import { INCIDENT_KINDS } from '../ui/vocabulary.js';
import { attachPlacePicker, type PickablePlace } from './place-picker.js';
import { checkPhotos, chosenPhotos, photosField, putPhotosBack } from './photo-field.js';

const KIND = 'field-report';

/**
 * A monitor's field report: becomes a candidate incident in the review queue. What is filed goes
 * through the outbox (web/src/offline/outbox.ts), so it is kept on the device until the server
 * has it: with no connection it waits there and is sent when the connection returns.
 */
export const fieldReportPage: PageModule = {
  title: 'Field report',
  async render(main) {
    main.append(h('h1', {}, 'Field report'));
    const outbox = h('div', { class: 'outbox-slot' });
    if (!hasRole('admin', 'analyst', 'monitor')) {
      main.append(
        errorBox('Only monitors and analysts file field reports.'),
        h('a', { href: '#/login?next=/field-report' }, 'Sign in'),
        outbox,
      );
      // Signed out (a session that ended): what waits in the outbox is still shown, never lost.
      draw(jsx(OutboxList, { kind: KIND, onEdit: () => undefined }), outbox);
    } else {
      const form = fieldReportForm();
      main.append(form, outbox);
      void fillPlaces(form);
      draw(jsx(OutboxList, { kind: KIND, onEdit: (entry) => editEntry(form, entry) }), outbox);
    }
    return () => draw(null, outbox);
  },
};

/** The id of the outbox entry the form is editing (a refused report being fixed), kept on the form. */
const editing = new WeakMap<HTMLFormElement, number>();

function fieldReportForm(): HTMLFormElement {
  const position = h('button', { type: 'button' }, 'Use my position');
  const form = h(
    'form',
    { class: 'field-report-form', novalidate: true },
    selectField('kind', 'Kind of incident', INCIDENT_KINDS, 'ceasefire_violation'),
    field({ name: 'date', label: 'Date', type: 'date', required: true }),
    field({
      name: 'observedAt',
      label: 'Time observed',
      type: 'datetime-local',
      hint: 'When you saw it, if you know (the report may be sent later).',
    }),
    field({
      name: 'placeName',
      label: 'Place',
      hint: 'Type a few letters: the theatre’s places in every party’s spelling, also offline.',
      attrs: { autocomplete: 'off' },
    }),
    h(
      'div',
      { class: 'field position' },
      position,
      h('p', { class: 'position-status', role: 'status', 'aria-live': 'polite' }),
    ),
    field({ name: 'lat', label: 'Latitude', type: 'number', attrs: { step: 'any', min: '-90', max: '90' } }),
    field({
      name: 'lon',
      label: 'Longitude',
      type: 'number',
      attrs: { step: 'any', min: '-180', max: '180' },
    }),
    field({
      name: 'accuracyM',
      label: 'Position accuracy (metres)',
      type: 'number',
      hint: 'As the device gives it; leave empty for a position you typed.',
      attrs: { min: '0', step: 'any' },
    }),
    field({ name: 'description', label: 'What you observed', multiline: true, required: true }),
    field({ name: 'killed', label: 'Killed', type: 'number', attrs: { min: '0', step: '1' } }),
    field({ name: 'injured', label: 'Injured', type: 'number', attrs: { min: '0', step: '1' } }),
    photosField(),
    h('button', { type: 'submit' }, 'File field report'),
    formStatus(),
  );
  position.addEventListener('click', () => locate(form));
  let key = newIdempotencyKey();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(form, key).then((kept) => {
      if (kept) key = newIdempotencyKey();
    });
  });
  return form;
}

/** The device's position, with its accuracy, put into the fields (the monitor can still change them). */
function locate(form: HTMLFormElement): void {
  const status = form.querySelector('.position-status');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  if (!('geolocation' in navigator)) {
    say('This device cannot give its position.');
    return;
  }
  say('Finding the position…');
  navigator.geolocation.getCurrentPosition(
    (found) => {
      const set = (name: string, value: number) => {
        const control = form.elements.namedItem(name);
        if (control instanceof HTMLInputElement) control.value = String(value);
      };
      const { latitude, longitude, accuracy } = found.coords;
      set('lat', Number(latitude.toFixed(6)));
      set('lon', Number(longitude.toFixed(6)));
      set('accuracyM', Math.round(accuracy));
      say(`Position found, within about ${Math.round(accuracy)} m.`);
    },
    (error) => say(`The position could not be found: ${error.message || 'permission refused'}.`),
    { enableHighAccuracy: true, timeout: 30_000, maximumAge: 60_000 },
  );
}

/** The theatre's places, by each of their names, for the place field (the worker keeps them offline). */
async function fillPlaces(form: HTMLFormElement): Promise<void> {
  const input = form.elements.namedItem('placeName');
  if (!(input instanceof HTMLInputElement)) return;
  try {
    const { items } = await getJson<{ items: PickablePlace[] }>('/theatre/places');
    attachPlacePicker(input, items);
  } catch {
    // The place stays a free text field.
  }
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
  const accuracy = numberOf(form, 'accuracyM');
  if (accuracy !== null && (!Number.isFinite(accuracy) || accuracy < 0))
    wrong('accuracyM', 'The accuracy must be 0 metres or more.');
  return ok;
}

/** The form's values as the API takes them. */
function bodyOf(form: HTMLFormElement, idempotencyKey: string): Record<string, unknown> {
  const optional = (name: string) => numberOf(form, name) ?? undefined;
  const observed = valueOf(form, 'observedAt');
  return {
    kind: valueOf(form, 'kind'),
    date: valueOf(form, 'date'),
    observedAt: observed ? new Date(observed).toISOString() : undefined,
    placeName: valueOf(form, 'placeName') || undefined,
    lat: optional('lat'),
    lon: optional('lon'),
    accuracyM: optional('accuracyM'),
    description: valueOf(form, 'description'),
    killed: optional('killed'),
    injured: optional('injured'),
    idempotencyKey,
  };
}

const labelOf = (body: Record<string, unknown>) =>
  `Field report of ${String(body.date)}: ${String(body.kind).replace(/_/g, ' ')}${
    body.placeName ? `, ${String(body.placeName)}` : ''
  }`;

/** Files the report: into the outbox, then sent at once when there is a connection. */
async function submit(form: HTMLFormElement, idempotencyKey: string): Promise<boolean> {
  clearErrors(form);
  if (!valueOf(form, 'date')) showFieldError(form, 'date', 'Please give the date.');
  if (!valueOf(form, 'description'))
    showFieldError(form, 'description', 'Please describe what you observed.');
  const coordinatesOk = checkCoordinates(form);
  const photosOk = checkPhotos(form);
  if (!valueOf(form, 'date') || !valueOf(form, 'description') || !coordinatesOk || !photosOk) {
    focusFirstError(form);
    return false;
  }
  const body = bodyOf(form, idempotencyKey);
  const photos = chosenPhotos(form);
  const label = `${labelOf(body)}${photos.length > 0 ? ` (${photos.length} photo${photos.length > 1 ? 's' : ''})` : ''}`;
  const draft = { kind: KIND, path: '/field-reports', label, body, idempotencyKey, photos };
  const editedId = editing.get(form);
  editing.delete(form);
  const now = await fileThroughOutbox(draft, editedId);
  form.reset();
  if (now.state === 'sent') {
    const reference = referenceOf(now);
    setStatus(
      form,
      `Field report filed${reference.startsWith('candidate') ? ` as ${reference}` : ''}.`,
      'ok',
    );
  } else if (now.state === 'refused') {
    // Refused at once: back into the form, the reason next to the field it names.
    editEntry(form, now);
  } else {
    setStatus(
      form,
      'No connection to the server: the report is kept in the outbox below and sent when the connection returns.',
      'ok',
    );
  }
  return true;
}

/** Puts an outbox entry back into the form with the server's reason next to its field. */
function editEntry(form: HTMLFormElement, entry: OutboxEntry): void {
  clearErrors(form);
  form.reset();
  for (const [name, value] of Object.entries(entry.body)) {
    const control = form.elements.namedItem(name);
    if (value === undefined || value === null) continue;
    if (name === 'observedAt' && control instanceof HTMLInputElement)
      control.value = localTime(String(value));
    else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)
      control.value = String(value);
    else if (control instanceof HTMLSelectElement) control.value = String(value);
  }
  putPhotosBack(form, entry.photos ?? []);
  editing.set(form, entry.id);
  const reason = entry.reason ?? '';
  // A photo's refusal names it (`photos.1.data`): shown next to the photos field.
  if (entry.field) showFieldError(form, entry.field.split('.')[0] ?? entry.field, reason);
  setStatus(
    form,
    `Refused by the server: ${reason || 'see the field'}. Fix it and file it again; it keeps its place in the outbox.`,
    'error',
  );
  focusFirstError(form);
}

/** An ISO time as a `datetime-local` value, in the device's time zone. */
function localTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
