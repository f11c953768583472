import { useEffect, useState } from 'preact/hooks';
import { getJson, postJson } from '../api-client.js';
import { Card, Done, Field, Pending, actorName } from '../agreement/fields.js';
import { useLoad } from '../ui/use-load.js';
import type { Activity, ActivityDay } from '../agreement/server-types.js';
import { FormCard, useFormErrors } from '../ui/form-card.js';
import { useSession } from '../ui/header.js';
import { ActivityFields, readActivity, valuesOf, type ActivityValues } from './activity-fields.js';
import { FIGURES, fieldLabel } from './activity-labels.js';

/**
 * One filed day: every correction with the values it replaced (struck through), and for
 * monitors, analysts and admins the form to correct it, saying why.
 */
export function ActivityDayView({
  day,
  initial,
}: {
  readonly day: string;
  readonly initial: ActivityDay | null;
}) {
  const session = useSession();
  const staff = session.role === 'admin' || session.role === 'analyst' || session.role === 'monitor';
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useLoad(() => getJson<ActivityDay>(`/mission/activity/${encodeURIComponent(day)}`), {
    key: day,
    initial: initial ?? undefined,
  });
  const record = loaded.value;
  const missing = initial === null || loaded.status === 404;
  return (
    <>
      <p class="crumbs">
        <a href="#/activity">← Daily activity</a>
      </p>
      <h1>{`Activity of ${day}`}</h1>
      {missing ? (
        <p>
          {'No activity was filed for this day. '}
          <a href="#/activity">File it</a>
        </p>
      ) : (
        <Pending loaded={loaded} />
      )}
      {record ? (
        <>
          <Done message={message} />
          <Card title="Corrections">
            <Corrections record={record} />
          </Card>
          {staff ? (
            <CorrectionForm
              filed={record.activity}
              after={async (done) => {
                await loaded.reload();
                setMessage(done);
              }}
            />
          ) : (
            <Card title="Figures">
              <Figures a={record.activity} />
            </Card>
          )}
        </>
      ) : null}
    </>
  );
}

const shown = (a: Activity, name: keyof Activity): string => {
  const value = a[name];
  if (value === null) return 'not reported';
  if (Array.isArray(value))
    return value.length === 0 ? 'none' : value.map((v) => (typeof v === 'string' ? v : v.title)).join(', ');
  return String(value);
};

function Corrections({ record }: { readonly record: ActivityDay }) {
  if (record.corrections.length === 0) return <p class="hint">This day has not been corrected.</p>;
  const states = [...record.corrections.map((c) => c.previous), record.activity];
  return (
    <ol class="corrections">
      {record.corrections.map((c, i) => (
        <li key={c.correctedAt}>
          <p>{`Corrected ${c.correctedAt.slice(0, 16).replace('T', ' ')} UTC by ${actorName(c.correctedBy)}: ${c.reason}`}</p>
          <ul>
            {c.changed.map((name) => (
              <li key={name} data-changed={name}>
                {`${fieldLabel(name)}: `}
                <del>{shown(c.previous, name)}</del>
                {' → '}
                <ins>{shown(states[i + 1] ?? record.activity, name)}</ins>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function Figures({ a }: { readonly a: Activity }) {
  const names = Object.keys(a).filter((k): k is keyof Activity => k !== 'day' && k !== 'sources');
  return (
    <dl class="facts">
      {names.map((n) => [<dt key={`${n}-t`}>{fieldLabel(n)}</dt>, <dd key={`${n}-d`}>{shown(a, n)}</dd>])}
    </dl>
  );
}

const FIELD_NAMES = [...FIGURES.map((f) => f.name), 'patrolAreas', 'escortCorridor', 'notes', 'reason'];

function CorrectionForm({
  filed,
  after,
}: {
  readonly filed: Activity;
  readonly after: (message: string) => Promise<void>;
}) {
  const [values, setValues] = useState<ActivityValues>(valuesOf(filed, { notes: true }));
  const [reason, setReason] = useState('');
  const state = useFormErrors();
  const { errors } = state;
  // The form shows the day as filed now: after a correction, the corrected figures.
  useEffect(() => setValues(valuesOf(filed, { notes: true })), [filed]);

  const submit = async () => {
    const read = readActivity(values);
    const wrong: Record<string, string> = 'errors' in read ? { ...read.errors } : {};
    if (!reason.trim()) wrong.reason = 'Please say why the day is corrected.';
    if (!state.passes(wrong) || !('figures' in read)) return;
    const changes = Object.fromEntries(
      Object.entries(read.figures).filter(
        ([name, value]) => JSON.stringify(value) !== JSON.stringify(filed[name as keyof Activity]),
      ),
    );
    const changed = Object.keys(changes);
    if (changed.length === 0) {
      state.setFailure('Nothing to save: change at least one figure of the day.');
      return;
    }
    try {
      await postJson(`/mission/activity/${encodeURIComponent(filed.day)}/corrections`, {
        ...changes,
        reason: reason.trim(),
      });
      await after(`Corrected ${changed.map((n) => fieldLabel(n).toLowerCase()).join(', ')} of ${filed.day}.`);
      setReason('');
    } catch (error) {
      state.refused(error, FIELD_NAMES, { reason: 'Please say why the day is corrected.' });
    }
  };

  return (
    <FormCard
      state={state}
      name="correction-form"
      title="Correct this day"
      submit="Save the correction"
      onSubmit={submit}
    >
      <p class="hint">
        Change the figures that were wrong; the values they replace stay in the history above.
      </p>
      <ActivityFields
        prefix="fix"
        values={values}
        errors={errors}
        set={(name, v) => setValues({ ...values, [name]: v })}
      />
      <Field
        id="fix-reason"
        name="reason"
        label="Why the day is corrected"
        required
        value={reason}
        error={errors.reason}
        onInput={setReason}
      />
    </FormCard>
  );
}
