import { postJson } from '../api-client.js';
import { todayIso } from '../ui/as-of.js';
import { h } from '../ui/dom.js';
import { clearErrors, field, focusFirstError, formStatus, showFieldError, valueOf } from '../ui/forms.js';
import type { AgreementStatus, Commitment } from './agreement-types.js';
import type { AfterChange } from './commitment-page.js';
import { deadlineText } from './deadline-history.js';
import { evidenceFields, evidenceOf, showRefusal } from './form-parts.js';

interface Options {
  readonly agreement: AgreementStatus['agreement'];
  readonly commitment: Commitment;
  readonly after: AfterChange;
}

/** Moves the commitment's deadline; the one it replaces stays in the history, struck through. */
export function amendForm({ agreement, commitment, after }: Options): HTMLElement {
  const inclusive = commitment.deadline?.inclusive ?? true;
  const form = h(
    'form',
    { class: 'amend-form', novalidate: true, 'aria-labelledby': 'amend-title' },
    h('h2', { id: 'amend-title' }, 'Move the deadline'),
    h(
      'p',
      { class: 'hint' },
      commitment.deadline
        ? `Now ${deadlineText(commitment.deadline)}.`
        : 'The commitment has no deadline yet.',
    ),
    field({ id: 'am-deadline', name: 'deadline', label: 'New deadline', type: 'date', required: true }),
    h(
      'div',
      { class: 'field', 'data-field': 'inclusive' },
      h(
        'label',
        { for: 'am-inclusive' },
        h('input', { id: 'am-inclusive', name: 'inclusive', type: 'checkbox', checked: inclusive }),
        ' The day itself is included (“by” the date rather than “before” it)',
      ),
    ),
    field({
      id: 'am-decided',
      name: 'decidedOn',
      label: 'Decided on',
      type: 'date',
      required: true,
      value: todayIso(),
    }),
    field({
      id: 'am-reason',
      name: 'reason',
      label: 'Why the deadline moved',
      required: true,
      multiline: true,
    }),
    ...evidenceFields('am'),
    h('button', { type: 'submit' }, 'Move the deadline'),
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
  const date = valueOf(form, 'deadline');
  const decidedOn = valueOf(form, 'decidedOn');
  const reason = valueOf(form, 'reason');
  if (!date) showFieldError(form, 'deadline', 'Please give the new deadline.');
  else if (date === commitment.deadline?.date)
    showFieldError(form, 'deadline', `The deadline is already ${date}; give the new one.`);
  if (!decidedOn) showFieldError(form, 'decidedOn', 'Please give the day the parties decided the change.');
  if (!reason) showFieldError(form, 'reason', 'Please say why the deadline moved.');
  const evidence = evidenceOf(form);
  if (form.querySelector('[aria-invalid="true"]') || !evidence) {
    focusFirstError(form);
    return;
  }
  const inclusive = form.querySelector<HTMLInputElement>('#am-inclusive')?.checked ?? true;
  const timeZone = commitment.deadline?.timeZone ?? agreement.timeZone;
  try {
    await postJson(`/agreements/amendments?agreement=${encodeURIComponent(agreement.slug)}`, {
      clause: commitment.clause,
      decidedOn,
      deadline: { date, timeZone, inclusive },
      reason,
      evidence,
    });
    const was = commitment.deadline ? `from ${commitment.deadline.date} ` : '';
    await after(`Deadline of clause ${commitment.clause} moved ${was}to ${date}.`);
  } catch (error) {
    showRefusal(form, error, {
      deadline: 'The deadline must be a real date (YYYY-MM-DD).',
      decidedOn: 'The day of the decision must be a real date (YYYY-MM-DD).',
      reason: 'Please say why the deadline moved.',
    });
  }
}
