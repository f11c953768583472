import { navigate } from '../router.js';
import { h } from '../ui/dom.js';

/** The search box of the header: submitting it opens `#/search?q=…`. */
export function searchBox(): HTMLFormElement {
  const input = h('input', {
    id: 'header-search-q',
    name: 'q',
    type: 'search',
    maxlength: 300,
    placeholder: 'Search the record',
  });
  const form = h(
    'form',
    { class: 'header-search', role: 'search', 'aria-label': 'Search the record' },
    h('label', { for: 'header-search-q', class: 'visually-hidden' }, 'Search the record'),
    input,
    h('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) navigate('/search', new URLSearchParams({ q }));
  });
  return form;
}
