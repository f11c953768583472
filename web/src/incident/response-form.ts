import { postJson } from '../api-client.js';
import { navigate } from '../router.js';
import { h } from '../ui/dom.js';
import {
  clearErrors,
  field,
  focusFirstError,
  formStatus,
  selectField,
  showFieldError,
  showServerError,
  valueOf,
} from '../ui/forms.js';
import { STANCES } from '../ui/vocabulary.js';

/**
 * A liaison's formal response (right of reply) to an incident concerning their party, shown
 * only when the server says the caller may reply (`mayReply`: a liaison of a party the incident
 * names); otherwise nothing, so no form is offered that would fail after submitting.
 */
export function responseForm(incidentId: number, mayReply: boolean | undefined): HTMLFormElement | null {
  if (mayReply !== true) return null;
  const form = h(
    'form',
    { class: 'response-form', novalidate: true, 'aria-labelledby': 'response-title' },
    h('h3', { id: 'response-title' }, 'File a response for your party'),
    selectField('stance', 'Stance', STANCES),
    field({ name: 'text', label: 'Your response', multiline: true, required: true }),
    h('button', { type: 'submit' }, 'File response'),
    formStatus(),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(form, incidentId);
  });
  return form;
}

async function submit(form: HTMLFormElement, incidentId: number): Promise<void> {
  clearErrors(form);
  const text = valueOf(form, 'text');
  if (!text) {
    showFieldError(form, 'text', 'Please write the response.');
    focusFirstError(form);
    return;
  }
  try {
    await postJson(`/incidents/${incidentId}/responses`, { stance: valueOf(form, 'stance'), text });
    navigate(`/incidents/${incidentId}`);
  } catch (error) {
    showServerError(form, error);
  }
}
