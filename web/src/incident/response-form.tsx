import { useState } from 'preact/hooks';
import { postJson } from '../api-client.js';
import { Field, Select } from '../agreement/fields.js';
import { t } from '../i18n/i18n.js';
import { navigate } from '../router.js';
import { FormCard, useFormErrors } from '../ui/form-card.js';
import { STANCES } from '../ui/vocabulary.js';
import { stanceLabel } from './sections.js';

/**
 * A liaison's formal response (right of reply) to an incident concerning their party. The page
 * shows it only when the server says the caller may reply (`mayReply`: a liaison of a party the
 * incident names), so no form is offered that would fail after submitting.
 */
export function ResponseForm({ incidentId }: { readonly incidentId: number }) {
  const state = useFormErrors();
  const [stance, setStance] = useState<string>(STANCES[0]);
  const [text, setText] = useState('');
  const submit = async () => {
    if (!state.passes(text.trim() ? {} : { text: t('incident.respond.missing') })) return;
    try {
      await postJson(`/incidents/${incidentId}/responses`, { stance, text: text.trim() });
      navigate(`/incidents/${incidentId}`);
    } catch (error) {
      state.refused(error, ['stance', 'text']);
    }
  };
  return (
    <FormCard
      state={state}
      name="response-form"
      title={t('incident.respond.title')}
      submit={t('incident.respond.send')}
      onSubmit={submit}
    >
      <Select
        id="f-stance"
        name="stance"
        label={t('incident.respond.stance')}
        value={stance}
        onInput={setStance}
        choices={STANCES.map((s) => [s, stanceLabel(s)] as const)}
        error={state.errors.stance}
      />
      <Field
        id="f-text"
        name="text"
        label={t('incident.respond.text')}
        multiline
        required
        value={text}
        onInput={setText}
        error={state.errors.text}
      />
    </FormCard>
  );
}
