import { getJson, messageOf } from '../api-client.js';
import type { SearchPage } from '../search/search-types.js';
import { h, replace, words } from '../ui/dom.js';
import type { MergeTarget, SuggestedDuplicate } from './review-types.js';

export interface MergePickerOptions {
  /** The incident being merged (never offered as its own target). */
  readonly id: number;
  /** Unique in the page: the picker's ids and radio group are named after it. */
  readonly prefix: string;
  readonly suggestions: readonly SuggestedDuplicate[];
  readonly onMerge: (target: MergeTarget) => void;
}

/**
 * Picks the incident to merge into: one of the suggested duplicates, or one found by searching
 * the record — never a number typed in. The Merge button names the choice before it is pressed.
 */
export function mergePicker(options: MergePickerOptions): HTMLElement {
  const { prefix } = options;
  const group = `${prefix}-target`;
  const targets = new Map<number, MergeTarget>();
  const choices = h('fieldset', { class: 'merge-choices' }, h('legend', {}, 'Suggested duplicates'));
  const found = h('div', { class: 'merge-found', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', id: `${prefix}-merge-error`, 'aria-live': 'polite' });
  const merge = h('button', { type: 'button', class: 'merge', 'aria-describedby': error.id }, 'Merge…');
  const radio = (target: MergeTarget, note: string | null) => {
    targets.set(target.id, target);
    const input = h('input', { type: 'radio', name: group, value: target.id, id: `${group}-${target.id}` });
    input.addEventListener('change', () => {
      merge.textContent = `Merge into #${target.id}…`;
      error.textContent = '';
    });
    return h(
      'div',
      { class: 'merge-choice' },
      input,
      h(
        'label',
        { for: input.id },
        `#${target.id} ${target.title}`,
        h('span', { class: 'hint' }, ` — ${target.detail}`),
      ),
      note ? h('p', { class: 'hint' }, note) : null,
    );
  };
  for (const s of options.suggestions) {
    const i = s.incident;
    const detail = [words(i.status), i.dateStart, i.placeName, `score ${s.score.toFixed(2)}`]
      .filter(Boolean)
      .join(' · ');
    choices.append(radio({ id: i.id, title: i.title, detail }, s.reason));
  }
  const query = h('input', { id: `${prefix}-search`, type: 'search', maxlength: 300, name: 'merge-search' });
  const find = h('button', { type: 'button', class: 'secondary' }, 'Find');
  const search = async () => {
    const q = query.value.trim();
    if (!q) return;
    replace(found, h('p', { class: 'hint' }, 'Searching…'));
    try {
      const page = await getJson<SearchPage>('/search', { q, type: 'incident', limit: 8 });
      const hits = page.items.flatMap((hit) =>
        hit.incident && hit.incident.id !== options.id && hit.incident.status !== 'merged'
          ? [hit.incident]
          : [],
      );
      replace(
        found,
        hits.length === 0
          ? h('p', { class: 'hint' }, `No other incident matches “${q}”.`)
          : h(
              'fieldset',
              { class: 'merge-choices' },
              h('legend', {}, `Incidents matching “${q}”`),
              ...hits.map((i) =>
                radio(
                  {
                    id: i.id,
                    title: i.title,
                    detail: [words(i.status), i.dateStart].filter(Boolean).join(' · '),
                  },
                  null,
                ),
              ),
            ),
      );
    } catch (failure) {
      replace(found, h('p', { class: 'error', role: 'alert' }, `The search failed: ${messageOf(failure)}`));
    }
  };
  find.addEventListener('click', () => void search());
  query.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void search();
    }
  });
  merge.addEventListener('click', () => {
    const chosen = document.querySelector<HTMLInputElement>(`input[name="${group}"]:checked`);
    const target = chosen ? targets.get(Number(chosen.value)) : undefined;
    if (!target) {
      error.textContent = 'Choose the incident to merge into: a suggestion or a search result.';
      return;
    }
    options.onMerge(target);
  });
  return h(
    'div',
    { class: 'merge-picker' },
    options.suggestions.length ? choices : h('p', { class: 'hint' }, 'No duplicate was suggested.'),
    h('label', { for: query.id }, 'Or find the incident to merge into'),
    h('div', { class: 'merge-search' }, query, find),
    found,
    error,
    merge,
  );
}
