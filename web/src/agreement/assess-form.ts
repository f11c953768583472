import { postJson } from '../api-client.js';
import { todayIso } from '../ui/as-of.js';
import { h, words } from '../ui/dom.js';
import { clearErrors, field, focusFirstError, formStatus, showFieldError, valueOf } from '../ui/forms.js';
import { ASSESSED_STATUSES, IMPLEMENTATION_SCORES } from '../ui/vocabulary.js';
import type { Commitment } from './agreement-types.js';
import type { AfterChange } from './commitment-page.js';
import { choice, evidenceFields, evidenceOf, showRefusal } from './form-parts.js';

interface Options {
  readonly agreement: string;
  readonly commitment: Commitment;
  readonly after: AfterChange;
}

/** Adds an assessment to the commitment's status history: status, 0–3 score, the day it holds from, evidence. */
export function assessForm({ agreement, commitment, after }: Options): HTMLElement {
  const form = h(
    'form',
    { class: 'assess-form', novalidate: true, 'aria-labelledby': 'assess-title' },
    h('h2', { id: 'assess-title' }, 'Assess this commitment'),
    field({
      id: 'as-asof',
      name: 'asOf',
      label: 'Holds from',
      type: 'date',
      required: true,
      value: todayIso(),
    }),
    choice({
      id: 'as-status',
      name: 'status',
      label: 'Status',
      choices: ASSESSED_STATUSES.map((s) => [s, words(s)] as const),
      value: ASSESSED_STATUSES.find((s) => s === commitment.status) ?? 'in_progress',
    }),
    choice({
      id: 'as-score',
      name: 'score',
      label: 'Implementation score',
      choices: IMPLEMENTATION_SCORES.map(
        (label, score) => [String(score), `${score} — ${words(label)}`] as const,
      ),
      value: String(commitment.score),
    }),
    field({ id: 'as-note', name: 'note', label: 'Note (optional)', multiline: true }),
    ...evidenceFields('as'),
    h('button', { type: 'submit' }, 'Record assessment'),
    formStatus(),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(form, { agreement, commitment, after });
  });
  return h('section', { class: 'card' }, form);
}

async function submit(form: HTMLFormElement, { agreement, commitment, after }: Options): Promise<void> {
  clearErrors(form);
  const asOf = valueOf(form, 'asOf');
  if (!asOf) showFieldError(form, 'asOf', 'Please give the day the assessment holds from.');
  const evidence = evidenceOf(form);
  if (!asOf || !evidence) {
    focusFirstError(form);
    return;
  }
  const status = valueOf(form, 'status');
  const score = Number(valueOf(form, 'score'));
  try {
    await postJson(`/agreements/assessments?agreement=${encodeURIComponent(agreement)}`, {
      clause: commitment.clause,
      asOf,
      status,
      score,
      note: valueOf(form, 'note') || null,
      evidence,
    });
    await after(`Clause ${commitment.clause} assessed ${words(status)}, score ${score}/3, as of ${asOf}.`);
  } catch (error) {
    showRefusal(form, error, {
      asOf: 'The day must be a real date (YYYY-MM-DD).',
      score: 'The score must be 0, 1, 2 or 3.',
      evidence: 'Please say what shows it: a report, a bulletin or an observation.',
    });
  }
}
