import { foldName } from '../../../src/extract/text/fold.js';
import { h } from '../ui/dom.js';

/** A theatre place as GET /api/theatre/places gives it: its name and every name it goes by. */
export interface PickablePlace {
  readonly id: string;
  readonly name: string;
  readonly names: readonly string[];
}

/** A place that matches what was typed, by the spelling that matched. */
export interface PlaceMatch {
  readonly place: PickablePlace;
  readonly spelling: string;
}

const MAX_SHOWN = 8;
const folded = (name: string) => foldName(name).join(' ');

/**
 * The places with a name (in any party's spelling) that has a word starting with what was typed,
 * case and accents aside: those whose name starts with it first, then the others, each once, by
 * the first spelling that matched. At most eight.
 *
 * @example matchPlaces(places, 'xank')[0]?.spelling // 'Xankəndi'
 */
export function matchPlaces(places: readonly PickablePlace[], typed: string): PlaceMatch[] {
  const query = folded(typed);
  if (query === '') return [];
  const starts: PlaceMatch[] = [];
  const inside: PlaceMatch[] = [];
  for (const place of places) {
    const spellings = [...new Set([place.name, ...place.names])].map((s) => ({ s, f: folded(s) }));
    const first = spellings.find(({ f }) => f.startsWith(query));
    const word = first ?? spellings.find(({ f }) => f.includes(` ${query}`));
    if (first) starts.push({ place, spelling: first.s });
    else if (word) inside.push({ place, spelling: word.s });
    if (starts.length >= MAX_SHOWN) break;
  }
  return [...starts, ...inside].slice(0, MAX_SHOWN);
}

/**
 * Turns a text field into a combobox of the theatre's places (the ARIA combobox pattern): typing
 * lists the places with a matching spelling, arrows move, Enter or a tap picks, Escape closes. The
 * field stays free text: a place not in the list is still sent as typed. Works offline (the list
 * comes with the page and the service worker keeps it).
 */
export function attachPlacePicker(input: HTMLInputElement, places: readonly PickablePlace[]): void {
  const listId = `${input.id}-places`;
  const list = h('ul', { id: listId, role: 'listbox', class: 'place-options', hidden: true });
  const label = input.labels?.[0]?.textContent ?? 'Place';
  list.setAttribute('aria-label', `${label.replace(/\s*\*$/, '')}: the theatre’s places`);
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  let shown: PlaceMatch[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    shown = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const pick = (match: PlaceMatch) => {
    input.value = match.spelling;
    close();
  };
  const highlight = (index: number) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
    });
    if (index >= 0) input.setAttribute('aria-activedescendant', `${listId}-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const open = () => {
    shown = matchPlaces(places, input.value);
    if (shown.length === 0) return close();
    list.replaceChildren(
      ...shown.map((match, i) => {
        const others = [match.place.name, ...match.place.names].filter(
          (n, j, all) => n !== match.spelling && all.indexOf(n) === j,
        );
        const option = h(
          'li',
          { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false' },
          h('strong', {}, match.spelling),
          others.length > 0 ? h('span', { class: 'hint' }, ` (${others.join(', ')})`) : null,
        );
        // mousedown, not click: the field keeps its focus and does not close the list first.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(match);
        });
        return option;
      }),
    );
    list.hidden = false;
    active = -1;
    input.setAttribute('aria-expanded', 'true');
  };

  input.addEventListener('input', open);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) open();
      if (shown.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + shown.length) % shown.length);
    } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
      event.preventDefault();
      const match = shown[active];
      if (match) pick(match);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
}
