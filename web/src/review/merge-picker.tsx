import { useState } from 'preact/hooks';
import { getJson, messageOf } from '../api-client.js';
import type { SearchPage } from '../search/search-types.js';
import type { MergeTarget, SuggestedDuplicate } from './review-types.js';

const words = (code: string) => code.replace(/_/g, ' ');

export interface MergePickerProps {
  /** The incident being merged (never offered as its own target). */
  readonly id: number;
  /** Unique in the page: the picker's ids and radio group are named after it. */
  readonly prefix: string;
  readonly suggestions: readonly SuggestedDuplicate[];
  readonly onMerge: (target: MergeTarget) => void;
}

type Found =
  | { readonly kind: 'none' }
  | { readonly kind: 'searching' }
  | { readonly kind: 'hits'; readonly q: string; readonly targets: readonly MergeTarget[] }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Picks the incident to merge into: one of the suggested duplicates, or one found by searching
 * the record — never a number typed in. The Merge button names the choice before it is pressed.
 */
export function MergePicker(props: MergePickerProps) {
  const { prefix } = props;
  const [chosen, setChosen] = useState<MergeTarget | null>(null);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found>({ kind: 'none' });
  const [error, setError] = useState('');
  const suggested = props.suggestions.map((s) => ({
    target: {
      id: s.incident.id,
      title: s.incident.title,
      detail: [
        words(s.incident.status),
        s.incident.dateStart,
        s.incident.placeName,
        `score ${s.score.toFixed(2)}`,
      ]
        .filter(Boolean)
        .join(' · '),
    },
    note: s.reason,
  }));
  const search = async () => {
    const text = q.trim();
    if (!text) return;
    setFound({ kind: 'searching' });
    try {
      const page = await getJson<SearchPage>('/search', { q: text, type: 'incident', limit: 8 });
      const targets = page.items.flatMap((hit) =>
        hit.incident && hit.incident.id !== props.id && hit.incident.status !== 'merged'
          ? [
              {
                id: hit.incident.id,
                title: hit.incident.title,
                detail: [words(hit.incident.status), hit.incident.dateStart].filter(Boolean).join(' · '),
              },
            ]
          : [],
      );
      setFound({ kind: 'hits', q: text, targets });
    } catch (failure) {
      setFound({ kind: 'failed', message: messageOf(failure) });
    }
  };
  const choice = (target: MergeTarget, note: string | null) => {
    const id = `${prefix}-target-${target.id}`;
    return (
      <div class="merge-choice" key={target.id}>
        <input
          type="radio"
          name={`${prefix}-target`}
          value={target.id}
          id={id}
          checked={chosen?.id === target.id}
          onChange={() => {
            setChosen(target);
            setError('');
          }}
        />
        <label for={id}>
          #{target.id} {target.title}
          <span class="hint"> — {target.detail}</span>
        </label>
        {note ? <p class="hint">{note}</p> : null}
      </div>
    );
  };
  return (
    <div class="merge-picker">
      {suggested.length ? (
        <fieldset class="merge-choices">
          <legend>Suggested duplicates</legend>
          {suggested.map((s) => choice(s.target, s.note))}
        </fieldset>
      ) : (
        <p class="hint">No duplicate was suggested.</p>
      )}
      <label for={`${prefix}-search`}>Or find the incident to merge into</label>
      <div class="merge-search">
        <input
          id={`${prefix}-search`}
          type="search"
          maxLength={300}
          name="merge-search"
          value={q}
          onInput={(event) => setQ(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void search();
            }
          }}
        />
        <button type="button" class="secondary" onClick={() => void search()}>
          Find
        </button>
      </div>
      <div class="merge-found" aria-live="polite">
        {found.kind === 'searching' ? <p class="hint">Searching…</p> : null}
        {found.kind === 'failed' ? (
          <p class="error" role="alert">
            The search failed: {found.message}
          </p>
        ) : null}
        {found.kind === 'hits' && found.targets.length === 0 ? (
          <p class="hint">No other incident matches “{found.q}”.</p>
        ) : null}
        {found.kind === 'hits' && found.targets.length > 0 ? (
          <fieldset class="merge-choices">
            <legend>Incidents matching “{found.q}”</legend>
            {found.targets.map((t) => choice(t, null))}
          </fieldset>
        ) : null}
      </div>
      <p class="error" id={`${prefix}-merge-error`} aria-live="polite">
        {error}
      </p>
      <button
        type="button"
        class="merge"
        aria-describedby={`${prefix}-merge-error`}
        onClick={() => {
          if (chosen) props.onMerge(chosen);
          else setError('Choose the incident to merge into: a suggestion or a search result.');
        }}
      >
        {chosen ? `Merge into #${chosen.id}…` : 'Merge…'}
      </button>
    </div>
  );
}
