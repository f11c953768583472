import { getJson, messageOf, postJson } from '../api-client.js';
import type { SearchPage } from '../search/search-types.js';
import { h, replace, words } from '../ui/dom.js';
import { clearErrors, field, focusFirstError, formStatus, showFieldError, valueOf } from '../ui/forms.js';
import { NO_DATE_TEXT, INCIDENT_EFFECTS } from '../ui/vocabulary.js';
import type { Commitment } from './agreement-types.js';
import type { AfterChange } from './commitment-page.js';
import { choice, showRefusal } from './form-parts.js';

interface Options {
  readonly agreement: string;
  readonly commitment: Commitment;
  readonly after: AfterChange;
}

const EFFECT_LABELS: Readonly<Record<(typeof INCIDENT_EFFECTS)[number], string>> = {
  violates: 'It violates the clause',
  implements: 'It implements the clause',
  disputed: 'It bears on the clause, in a disputed way',
};

/**
 * Links an incident to the clause. The incident is found by searching the record (its words,
 * place or actors) and picked from the hits, never typed as a number.
 */
export function linkForm({ agreement, commitment, after }: Options): HTMLElement {
  const hits = h('div', { class: 'link-hits', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'link-form', novalidate: true, 'aria-labelledby': 'link-title' },
    h('h2', { id: 'link-title' }, 'Link an incident'),
    h(
      'div',
      { class: 'field', 'data-field': 'q' },
      h('label', { for: 'ln-q' }, 'Find the incident'),
      h('p', { id: 'ln-q-hint', class: 'hint' }, 'Words of its title or summary, its place or its actors.'),
      h(
        'div',
        { class: 'inline' },
        h('input', { id: 'ln-q', name: 'q', type: 'search', 'aria-describedby': 'ln-q-hint ln-q-error' }),
        h('button', { type: 'button', class: 'search-incidents' }, 'Search'),
      ),
      h('p', { id: 'ln-q-error', class: 'error', 'aria-live': 'polite' }),
    ),
    hits,
    choice({
      id: 'ln-effect',
      name: 'effect',
      label: 'How it bears on the clause',
      choices: INCIDENT_EFFECTS.map((e) => [e, EFFECT_LABELS[e]] as const),
    }),
    field({ id: 'ln-note', name: 'note', label: 'Note (optional)', multiline: true }),
    h('button', { type: 'submit' }, 'Link the incident'),
    formStatus(),
  );
  const find = () => void searchIncidents(form, hits, commitment);
  form.querySelector('.search-incidents')?.addEventListener('click', find);
  form.querySelector('#ln-q')?.addEventListener('keydown', (event) => {
    if (event instanceof KeyboardEvent && event.key === 'Enter') {
      event.preventDefault();
      find();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitLink(form, { agreement, commitment, after });
  });
  return h('section', { class: 'card' }, form);
}

async function searchIncidents(
  form: HTMLFormElement,
  hits: HTMLElement,
  commitment: Commitment,
): Promise<void> {
  clearErrors(form);
  const q = valueOf(form, 'q');
  if (!q) {
    showFieldError(form, 'q', 'Please type words to find the incident.');
    focusFirstError(form);
    return;
  }
  replace(hits, h('p', { class: 'hint' }, 'Searching…'));
  try {
    const page = await getJson<SearchPage>('/search', { q, type: 'incident', limit: 10 });
    const linked = new Set(commitment.history.links.map((l) => l.incidentId));
    const incidents = page.items.flatMap((hit) =>
      hit.incident && !linked.has(hit.incident.id) ? [hit.incident] : [],
    );
    if (incidents.length === 0) {
      replace(hits, h('p', {}, `No incident not yet linked to this clause matches “${q}”.`));
      return;
    }
    replace(
      hits,
      h(
        'fieldset',
        { class: 'field', 'data-field': 'incidentId' },
        h('legend', {}, `Incident (${incidents.length === 1 ? '1 match' : `${incidents.length} matches`})`),
        ...incidents.map((i) =>
          h(
            'div',
            { class: 'choice' },
            h('input', {
              type: 'radio',
              id: `ln-inc-${i.id}`,
              name: 'incidentId',
              value: String(i.id),
              'aria-describedby': 'ln-inc-error',
            }),
            h(
              'label',
              { for: `ln-inc-${i.id}` },
              `${i.title} — ${i.dateStart ?? NO_DATE_TEXT}, ${words(i.status)} (${i.publicId})`,
            ),
          ),
        ),
        h('p', { id: 'ln-inc-error', class: 'error', 'aria-live': 'polite' }),
      ),
    );
  } catch (error) {
    replace(
      hits,
      h('p', { class: 'error', role: 'alert' }, `The search failed: ${messageOf(error)}. Try again.`),
    );
  }
}

async function submitLink(form: HTMLFormElement, { agreement, commitment, after }: Options): Promise<void> {
  clearErrors(form);
  const chosen = form.querySelector<HTMLInputElement>('input[name="incidentId"]:checked');
  if (!chosen) {
    if (!showFieldError(form, 'incidentId', 'Please pick the incident from the matches.'))
      showFieldError(form, 'q', 'Search for the incident first, then pick it from the matches.');
    focusFirstError(form);
    return;
  }
  const title = chosen.labels?.[0]?.textContent?.split(' — ')[0] ?? 'The incident';
  try {
    await postJson(`/agreements/links?agreement=${encodeURIComponent(agreement)}`, {
      incidentId: Number(chosen.value),
      clause: commitment.clause,
      effect: valueOf(form, 'effect'),
      note: valueOf(form, 'note') || null,
    });
    await after(`${title} linked to clause ${commitment.clause}.`);
  } catch (error) {
    showRefusal(form, error);
  }
}

/** Removes a link, saying why (the audit log keeps the link and the reason). */
export function unlinkForm({ agreement, commitment, after }: Options): HTMLElement {
  const form = h(
    'form',
    { class: 'unlink-form', novalidate: true, 'aria-labelledby': 'unlink-title' },
    h('h2', { id: 'unlink-title' }, 'Remove a link'),
    choice({
      id: 'ul-incident',
      name: 'incidentId',
      label: 'Incident',
      choices: commitment.history.links.map((l) => [String(l.incidentId), l.incidentTitle] as const),
    }),
    field({ id: 'ul-reason', name: 'reason', label: 'Why the link is removed', required: true }),
    h('button', { type: 'submit', class: 'danger' }, 'Remove the link'),
    formStatus(),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitUnlink(form, { agreement, commitment, after });
  });
  return h('section', { class: 'card' }, form);
}

async function submitUnlink(form: HTMLFormElement, { agreement, commitment, after }: Options): Promise<void> {
  clearErrors(form);
  const reason = valueOf(form, 'reason');
  if (!reason) {
    showFieldError(form, 'reason', 'Please say why the link is removed.');
    focusFirstError(form);
    return;
  }
  const incidentId = Number(valueOf(form, 'incidentId'));
  const title =
    commitment.history.links.find((l) => l.incidentId === incidentId)?.incidentTitle ?? 'The incident';
  try {
    await postJson(`/agreements/unlink?agreement=${encodeURIComponent(agreement)}`, {
      incidentId,
      clause: commitment.clause,
      reason,
    });
    await after(`${title} is no longer linked to clause ${commitment.clause}.`);
  } catch (error) {
    showRefusal(form, error, { reason: 'Please say why the link is removed.' });
  }
}
