import { useState } from 'preact/hooks';
import { postJson } from '../api-client.js';
import { words } from '../ui/dom.js';
import { ASSESSED_STATUSES, IMPLEMENTATION_SCORES } from '../ui/vocabulary.js';
import type { AfterChange } from './commitment-view.js';
import { EVIDENCE_MISSING, EvidenceFields, evidenceErrors, evidenceOf } from './evidence.js';
import { FormCard, useFormErrors } from '../ui/form-card.js';
import { Field, Select } from './fields.js';
import type { CommitmentStatus } from './server-types.js';

interface Props {
  readonly agreement: string;
  readonly commitment: CommitmentStatus;
  /** The day the page shows: the form's dates start from it. */
  readonly asOf: string;
  readonly after: AfterChange;
}

const FIELDS = ['asOf', 'status', 'score', 'note', 'evidence', 'evidenceUrl'];

/** Adds an assessment to the commitment's status history: status, 0–3 score, the day it holds from, evidence. */
export function AssessForm({ agreement, commitment, asOf, after }: Props) {
  const [v, setV] = useState({
    asOf: asOf,
    status: ASSESSED_STATUSES.find((s) => s === commitment.status) ?? 'in_progress',
    score: String(commitment.score),
    note: '',
    evidence: '',
    evidenceUrl: '',
  });
  const state = useFormErrors();
  const { errors } = state;
  const set = (name: keyof typeof v, value: string) => setV({ ...v, [name]: value });

  const submit = async () => {
    const wrong: Record<string, string> = { ...evidenceErrors(v) };
    if (!v.asOf) wrong.asOf = 'Please give the day the assessment holds from.';
    if (!state.passes(wrong)) return;
    try {
      await postJson(`/agreements/assessments?agreement=${encodeURIComponent(agreement)}`, {
        clause: commitment.clause,
        asOf: v.asOf,
        status: v.status,
        score: Number(v.score),
        note: v.note.trim() || null,
        evidence: evidenceOf(v),
      });
      await after(
        `Clause ${commitment.clause} assessed ${words(v.status)}, score ${v.score}/3, as of ${v.asOf}.`,
      );
      setV({ ...v, note: '', evidence: '', evidenceUrl: '' });
    } catch (error) {
      state.refused(error, FIELDS, {
        asOf: 'The day must be a real date (YYYY-MM-DD).',
        score: 'The score must be 0, 1, 2 or 3.',
        evidence: EVIDENCE_MISSING,
      });
    }
  };

  return (
    <FormCard
      state={state}
      name="assess-form"
      title="Assess this commitment"
      submit="Record assessment"
      onSubmit={submit}
    >
      <Field
        id="as-asof"
        name="asOf"
        label="Holds from"
        type="date"
        required
        value={v.asOf}
        error={errors.asOf}
        onInput={(x) => set('asOf', x)}
      />
      <Select
        id="as-status"
        name="status"
        label="Status"
        value={v.status}
        error={errors.status}
        choices={ASSESSED_STATUSES.map((s) => [s, words(s)] as const)}
        onInput={(x) => set('status', x)}
      />
      <Select
        id="as-score"
        name="score"
        label="Implementation score"
        value={v.score}
        error={errors.score}
        choices={IMPLEMENTATION_SCORES.map(
          (label, score) => [String(score), `${score} — ${words(label)}`] as const,
        )}
        onInput={(x) => set('score', x)}
      />
      <Field
        id="as-note"
        name="note"
        label="Note (optional)"
        multiline
        value={v.note}
        error={errors.note}
        onInput={(x) => set('note', x)}
      />
      <EvidenceFields prefix="as" values={v} errors={errors} set={set} />
    </FormCard>
  );
}
