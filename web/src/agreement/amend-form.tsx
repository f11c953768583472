import { useState } from 'preact/hooks';
import { postJson } from '../api-client.js';
import type { AfterChange } from './commitment-view.js';
import { deadlineText } from './deadline-history.js';
import { EVIDENCE_MISSING, EvidenceFields, evidenceErrors, evidenceOf } from './evidence.js';
import { FormCard, useFormErrors } from '../ui/form-card.js';
import { Field } from './fields.js';
import type { AgreementStatus, CommitmentStatus } from './server-types.js';

interface Props {
  readonly agreement: AgreementStatus['agreement'];
  readonly commitment: CommitmentStatus;
  /** The day the page shows: the form's dates start from it. */
  readonly asOf: string;
  readonly after: AfterChange;
}

const FIELDS = ['deadline', 'decidedOn', 'reason', 'evidence', 'evidenceUrl'];

/** Moves the commitment's deadline; the one it replaces stays in the history, struck through. */
export function AmendForm({ agreement, commitment, asOf, after }: Props) {
  const [v, setV] = useState({
    deadline: '',
    decidedOn: asOf,
    reason: '',
    evidence: '',
    evidenceUrl: '',
  });
  const [inclusive, setInclusive] = useState(commitment.deadline?.inclusive ?? true);
  const state = useFormErrors();
  const { errors } = state;
  const set = (name: keyof typeof v, value: string) => setV({ ...v, [name]: value });

  const submit = async () => {
    const wrong: Record<string, string> = {};
    if (!v.deadline) wrong.deadline = 'Please give the new deadline.';
    else if (v.deadline === commitment.deadline?.date && inclusive === commitment.deadline.inclusive)
      wrong.deadline = `The deadline is already ${v.deadline}; give the new one.`;
    if (!v.decidedOn) wrong.decidedOn = 'Please give the day the parties decided the change.';
    if (!v.reason.trim()) wrong.reason = 'Please say why the deadline moved.';
    Object.assign(wrong, evidenceErrors(v));
    if (!state.passes(wrong)) return;
    const timeZone = commitment.deadline?.timeZone ?? agreement.timeZone;
    try {
      await postJson(`/agreements/amendments?agreement=${encodeURIComponent(agreement.slug)}`, {
        clause: commitment.clause,
        decidedOn: v.decidedOn,
        deadline: { date: v.deadline, timeZone, inclusive },
        reason: v.reason.trim(),
        evidence: evidenceOf(v),
      });
      const was = commitment.deadline ? `from ${commitment.deadline.date} ` : '';
      const later = v.decidedOn > asOf ? ` It takes effect from ${v.decidedOn}, after the day shown.` : '';
      await after(`Deadline of clause ${commitment.clause} moved ${was}to ${v.deadline}.${later}`);
      setV({ ...v, deadline: '', reason: '', evidence: '', evidenceUrl: '' });
    } catch (error) {
      state.refused(error, FIELDS, {
        deadline: 'The deadline must be a real date (YYYY-MM-DD).',
        decidedOn: 'The day of the decision must be a real date (YYYY-MM-DD).',
        reason: 'Please say why the deadline moved.',
        evidence: EVIDENCE_MISSING,
      });
    }
  };

  return (
    <FormCard
      state={state}
      name="amend-form"
      title="Move the deadline"
      submit="Move the deadline"
      onSubmit={submit}
    >
      <p class="hint">
        {commitment.deadline
          ? `Now ${deadlineText(commitment.deadline)}.`
          : 'The commitment has no deadline yet.'}
      </p>
      <Field
        id="am-deadline"
        name="deadline"
        label="New deadline"
        type="date"
        required
        value={v.deadline}
        error={errors.deadline}
        onInput={(x) => set('deadline', x)}
      />
      <div class="field" data-field="inclusive">
        <label for="am-inclusive">
          <input
            id="am-inclusive"
            name="inclusive"
            type="checkbox"
            checked={inclusive}
            onInput={(event) => setInclusive(event.currentTarget.checked)}
          />
          {' The day itself is included (“by” the date rather than “before” it)'}
        </label>
      </div>
      <Field
        id="am-decided"
        name="decidedOn"
        label="Decided on"
        type="date"
        required
        value={v.decidedOn}
        error={errors.decidedOn}
        onInput={(x) => set('decidedOn', x)}
      />
      <Field
        id="am-reason"
        name="reason"
        label="Why the deadline moved"
        required
        multiline
        value={v.reason}
        error={errors.reason}
        onInput={(x) => set('reason', x)}
      />
      <EvidenceFields prefix="am" values={v} errors={errors} set={set} />
    </FormCard>
  );
}
