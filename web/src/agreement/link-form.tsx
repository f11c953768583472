import { useState } from 'preact/hooks';
import { getJson, messageOf, postJson } from '../api-client.js';
import type { SearchPage } from '../search/search-types.js';
import { words } from '../ui/dom.js';
import { INCIDENT_EFFECTS, NO_DATE_TEXT } from '../ui/vocabulary.js';
import type { AfterChange } from './commitment-view.js';
import { FormCard, useFormErrors } from '../ui/form-card.js';
import { Field, Select, focusFirstError, type Errors } from './fields.js';
import type { CommitmentStatus } from './server-types.js';

interface Props {
  readonly agreement: string;
  readonly commitment: CommitmentStatus;
  /** The day the page shows: a link to a later incident counts from the incident's day. */
  readonly asOf: string;
  readonly after: AfterChange;
}

const EFFECT_LABELS: Readonly<Record<(typeof INCIDENT_EFFECTS)[number], string>> = {
  violates: 'It violates the clause',
  implements: 'It implements the clause',
  disputed: 'It bears on the clause, in a disputed way',
};

type Match = NonNullable<SearchPage['items'][number]['incident']>;
type Found =
  | { readonly state: 'idle' | 'searching' }
  | { readonly state: 'found'; readonly q: string; readonly items: readonly Match[] }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Links an incident to the clause. The incident is found by searching the record (words of its
 * title or summary, its place or actors) and picked from the matches, never typed as a number.
 */
export function LinkForm({ agreement, commitment, asOf, after }: Props) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const [chosen, setChosen] = useState<Match | null>(null);
  const [effect, setEffect] = useState<string>('violates');
  const [note, setNote] = useState('');
  const state = useFormErrors();
  const { form, errors, setErrors } = state;

  const search = async () => {
    setErrors({});
    if (!q.trim()) {
      setErrors({ q: 'Please type words to find the incident.' });
      return focusFirstError(form.current);
    }
    setFound({ state: 'searching' });
    setChosen(null);
    try {
      const page = await getJson<SearchPage>('/search', { q: q.trim(), type: 'incident', limit: 10 });
      const linked = new Set(commitment.history.links.map((l) => l.incidentId));
      const items = page.items.flatMap((hit) =>
        hit.incident && !linked.has(hit.incident.id) ? [hit.incident] : [],
      );
      setFound({ state: 'found', q: q.trim(), items: [...new Map(items.map((i) => [i.id, i])).values()] });
    } catch (error) {
      setFound({ state: 'failed', message: messageOf(error) });
    }
  };

  const submit = async () => {
    const wrong: Errors = chosen
      ? {}
      : found.state === 'found' && found.items.length > 0
        ? { incidentId: 'Please pick the incident from the matches.' }
        : { q: 'Search for the incident first, then pick it from the matches.' };
    if (!state.passes(wrong) || !chosen) return;
    try {
      await postJson(`/agreements/links?agreement=${encodeURIComponent(agreement)}`, {
        incidentId: chosen.id,
        clause: commitment.clause,
        effect,
        note: note.trim() || null,
      });
      const later =
        chosen.dateStart && chosen.dateStart > asOf
          ? ` It counts from ${chosen.dateStart}, after the day shown.`
          : '';
      await after(`${chosen.title} linked to clause ${commitment.clause}.${later}`);
      setFound({ state: 'idle' });
      setChosen(null);
      setNote('');
    } catch (error) {
      state.refused(error, ['effect', 'note']);
    }
  };

  return (
    <FormCard
      state={state}
      name="link-form"
      title="Link an incident"
      submit="Link the incident"
      onSubmit={submit}
    >
      <div class="field" data-field="q">
        <label for="ln-q">Find the incident</label>
        <p id="ln-q-hint" class="hint">
          Words of its title or summary, its place or its actors.
        </p>
        <div class="inline">
          <input
            id="ln-q"
            name="q"
            type="search"
            value={q}
            aria-describedby="ln-q-hint ln-q-error"
            aria-invalid={errors.q ? 'true' : undefined}
            onInput={(event) => setQ(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void search();
              }
            }}
          />
          <button type="button" class="search-incidents" onClick={() => void search()}>
            Search
          </button>
        </div>
        <p id="ln-q-error" class="error" aria-live="polite">
          {errors.q ?? ''}
        </p>
      </div>
      <Matches found={found} chosen={chosen} choose={setChosen} error={errors.incidentId} />
      <Select
        id="ln-effect"
        name="effect"
        label="How it bears on the clause"
        value={effect}
        error={errors.effect}
        choices={INCIDENT_EFFECTS.map((e) => [e, EFFECT_LABELS[e]] as const)}
        onInput={setEffect}
      />
      <Field
        id="ln-note"
        name="note"
        label="Note (optional)"
        multiline
        value={note}
        error={errors.note}
        onInput={setNote}
      />
    </FormCard>
  );
}

function Matches(p: {
  readonly found: Found;
  readonly chosen: Match | null;
  readonly choose: (m: Match) => void;
  readonly error: string | undefined;
}) {
  const { found } = p;
  return (
    <div class="link-hits" aria-live="polite">
      {found.state === 'searching' ? <p class="hint">Searching…</p> : null}
      {found.state === 'failed' ? (
        <p class="error" role="alert">{`The search failed: ${found.message}. Try again.`}</p>
      ) : null}
      {found.state === 'found' && found.items.length === 0 ? (
        <p>{`No incident not yet linked to this clause matches “${found.q}”.`}</p>
      ) : null}
      {found.state === 'found' && found.items.length > 0 ? (
        <fieldset class="field" data-field="incidentId" aria-describedby="ln-inc-error">
          <legend>{`Incident (${found.items.length === 1 ? '1 match' : `${found.items.length} matches`})`}</legend>
          {found.items.map((i) => (
            <div class="choice" key={i.id}>
              <input
                type="radio"
                id={`ln-inc-${i.id}`}
                name="incidentId"
                value={String(i.id)}
                checked={p.chosen?.id === i.id}
                onInput={() => p.choose(i)}
              />
              <label
                for={`ln-inc-${i.id}`}
              >{`${i.title} — ${i.dateStart ?? NO_DATE_TEXT}, ${words(i.status)} (${i.publicId})`}</label>
            </div>
          ))}
          <p id="ln-inc-error" class="error" aria-live="polite">
            {p.error ?? ''}
          </p>
        </fieldset>
      ) : null}
    </div>
  );
}

/** Removes a link, saying why (the audit log keeps the link and the reason). */
export function UnlinkForm({ agreement, commitment, after }: Omit<Props, 'asOf'>) {
  const first = commitment.history.links[0];
  const [incident, setIncident] = useState(String(first?.incidentId ?? ''));
  const [reason, setReason] = useState('');
  const state = useFormErrors();

  const submit = async () => {
    if (!state.passes(reason.trim() ? {} : { reason: 'Please say why the link is removed.' })) return;
    const id = Number(incident);
    const title = commitment.history.links.find((l) => l.incidentId === id)?.incidentTitle ?? 'The incident';
    try {
      await postJson(`/agreements/unlink?agreement=${encodeURIComponent(agreement)}`, {
        incidentId: id,
        clause: commitment.clause,
        reason: reason.trim(),
      });
      await after(`${title} is no longer linked to clause ${commitment.clause}.`);
      setReason('');
    } catch (error) {
      state.refused(error, ['reason'], { reason: 'Please say why the link is removed.' });
    }
  };

  return (
    <FormCard
      state={state}
      name="unlink-form"
      title="Remove a link"
      submit="Remove the link"
      submitClass="danger"
      onSubmit={submit}
    >
      <Select
        id="ul-incident"
        name="incidentId"
        label="Incident"
        value={incident}
        choices={commitment.history.links.map((l) => [String(l.incidentId), l.incidentTitle] as const)}
        onInput={setIncident}
      />
      <Field
        id="ul-reason"
        name="reason"
        label="Why the link is removed"
        required
        value={reason}
        error={state.errors.reason}
        onInput={setReason}
      />
    </FormCard>
  );
}
