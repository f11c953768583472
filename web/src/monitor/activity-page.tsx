import { useRef, useState } from 'preact/hooks';
import { ApiError, getJson, messageOf } from '../api-client.js';
import { OutboxList } from '../offline/outbox-list.js';
import { fileThroughOutbox, type OutboxEntry } from '../offline/outbox.js';
import { Card, Field, Pending, focusFirstError, preloadedPage, refusal } from '../agreement/fields.js';
import type { ActivityDay } from '../agreement/server-types.js';
import { ActivityDayView } from '../mission/activity-day-view.js';
import { ActivityFields, readActivity, valuesOf, type ActivityValues } from '../mission/activity-fields.js';
import { FIGURES } from '../mission/activity-labels.js';
import { activityItems, type Activity } from '../mission/mission-types.js';
import type { Location } from '../router.js';
import { todayIso } from '../ui/as-of.js';
import { FormCard, useFormErrors } from '../ui/form-card.js';
import { newIdempotencyKey } from '../ui/forms.js';
import { useSession } from '../ui/header.js';
import { useLoad } from '../ui/use-load.js';

/** `#/activity` files a day (starting from the last one filed if wished); `#/activity/2020-11-20` shows and corrects that day. */
export const activityPage = preloadedPage('Daily activity', loadDay, ActivityView);

/** The day shown, loaded before the page is (null on the filing page, and for a day never filed). */
async function loadDay(location: Location): Promise<ActivityDay | null> {
  const day = location.segments[1];
  if (!day) return null;
  return getJson<ActivityDay>(`/mission/activity/${encodeURIComponent(day)}`).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
}

function ActivityView({
  location,
  initial,
}: {
  readonly location: Location;
  readonly initial: ActivityDay | null;
}) {
  const day = location.segments[1];
  return day ? <ActivityDayView day={day} initial={initial} /> : <FileDay />;
}

function FileDay() {
  const session = useSession();
  const staff = session.role === 'admin' || session.role === 'analyst' || session.role === 'monitor';
  return (
    <>
      <h1>Daily activity</h1>
      {staff ? (
        <>
          <FileForm />
          <FiledDays />
        </>
      ) : (
        <>
          <p class="error" role="alert">
            Only the mission’s monitors file daily activity.
          </p>
          <a href="#/login">Sign in</a>
        </>
      )}
    </>
  );
}

const FIELD_NAMES = ['day', ...FIGURES.map((f) => f.name), 'patrolAreas', 'escortCorridor', 'notes'];

function FileForm() {
  const state = useFormErrors();
  const { errors, setErrors, setFailure } = state;
  const [day, setDay] = useState(todayIso());
  const [values, setValues] = useState<ActivityValues>({});
  const [done, setDone] = useState<string | null>(null);
  const [filledFrom, setFilledFrom] = useState<string | null>(null);
  /** The outbox entry being fixed (a refused day), resent under the same entry. */
  const [editing, setEditing] = useState<number | null>(null);
  /** This submission's key: a resend of it (its answer lost) gets the first answer, not a refusal. */
  const key = useRef(newIdempotencyKey());

  const prefill = async () => {
    setFailure(null);
    if (!day) {
      setErrors({ day: 'Please give the day first: the form starts from the last day filed before it.' });
      return focusFirstError(state.form.current);
    }
    try {
      const answer = await getJson<{ from: string | null; activity: Activity | null }>(
        '/mission/activity/prefill',
        { day },
      );
      if (!answer.activity || !answer.from) {
        setFilledFrom(`No day was filed before ${day}: nothing to start from.`);
        return;
      }
      setValues(valuesOf(answer.activity, { notes: false }));
      setErrors({});
      setFilledFrom(`Filled from ${answer.from}. Check each figure before filing.`);
    } catch (error) {
      setFailure(`Could not read the last day filed: ${messageOf(error)}. Try again.`);
    }
  };

  const submit = async () => {
    setDone(null);
    const read = readActivity(values);
    const wrong: Record<string, string> = 'errors' in read ? { ...read.errors } : {};
    if (!day) wrong.day = 'Please give the day.';
    if (!state.passes(wrong) || !('figures' in read)) return;
    // Through the outbox (web/src/offline/outbox.ts): kept on the device until the server has it,
    // sent at once when there is a connection, else when it returns. An edited entry keeps its key.
    const idempotencyKey = key.current;
    const filed = await fileThroughOutbox(
      {
        kind: 'activity',
        path: '/mission/activity',
        label: `Daily activity of ${day}`,
        body: { day, ...read.figures, idempotencyKey },
        idempotencyKey,
      },
      editing ?? undefined,
    );
    setEditing(null);
    key.current = newIdempotencyKey();
    if (filed.state === 'sent') setDone(`Activity for ${day} filed.`);
    else if (filed.state === 'refused') showRefused(filed);
    else
      setDone(
        `No connection to the server: the activity for ${day} is kept in the outbox below and sent when the connection returns.`,
      );
  };

  /** A refused day back in the form, the server's reason next to the field it names. */
  const showRefused = (entry: OutboxEntry) => {
    const body = entry.body as unknown as Activity;
    setDay(body.day);
    setValues(valuesOf(body, { notes: true }));
    setEditing(entry.id);
    const r = refusal(
      new ApiError(400, {
        code: 'invalid',
        message: entry.reason ?? 'refused',
        ...(entry.field ? { details: { field: entry.field } } : {}),
      }),
      FIELD_NAMES,
      {
        day: `A record for ${body.day} is already filed or the day is not a real date: correct the filed day instead.`,
      },
    );
    setErrors(r.errors);
    setFailure(r.failure ?? `Refused by the server: ${entry.reason ?? ''}. Fix it and file it again.`);
    setTimeout(() => focusFirstError(state.form.current), 0);
  };

  return (
    <>
      <FormCard
        state={state}
        name="activity-form"
        title="File activity"
        submit="File daily activity"
        done={done}
        onSubmit={submit}
      >
        <Field
          id="f-day"
          name="day"
          label="Day"
          type="date"
          required
          value={day}
          error={errors.day}
          onInput={setDay}
        />
        <p>
          <button type="button" class="secondary prefill" onClick={() => void prefill()}>
            Start from the last day filed
          </button>
        </p>
        <p class="prefill-status hint" aria-live="polite">
          {filledFrom ?? ''}
        </p>
        <ActivityFields
          prefix="new"
          values={values}
          errors={errors}
          set={(name, v) => setValues({ ...values, [name]: v })}
        />
      </FormCard>
      <OutboxList kind="activity" onEdit={showRefused} />
    </>
  );
}

function FiledDays() {
  const loaded = useLoad(async () => activityItems(await getJson<unknown>('/mission/activity')));
  const filed = loaded.value ?? [];
  const recent = [...filed].reverse().slice(0, 30);
  return (
    <Card title="Days filed">
      <Pending loaded={loaded} />
      {loaded.value !== null && recent.length === 0 ? <p>No day filed yet.</p> : null}
      {recent.length > 0 ? (
        <ul class="filed-days">
          {recent.map((a) => (
            <li key={a.day}>
              <a href={`#/activity/${a.day}`}>{`Correct ${a.day}`}</a>
              {` — ${a.patrols} patrols, ${a.returned} returned`}
            </li>
          ))}
        </ul>
      ) : null}
      {recent.length < filed.length ? <p class="hint">{`The last 30 of ${filed.length} days.`}</p> : null}
    </Card>
  );
}
