import { useState } from 'preact/hooks';
import { REVIEW_TRANSITIONS, type IncidentStatus } from '../ui/vocabulary.js';
import { act } from './act.js';
import type { ConfirmOptions } from './confirm.js';
import { ACTION_LABELS, type Before, type Done, type ReviewAction } from './review-actions.js';

const words = (code: string) => code.replace(/_/g, ' ');

/** What was done, with Undo while it can be undone. */
export function DoneNotice({
  done,
  onUndone,
}: {
  readonly done: Done;
  readonly onUndone: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const undo = done.undo;
  return (
    <div class="done">
      <span>{done.message}</span>
      {undo ? (
        <button
          type="button"
          class="undo"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            undo().then(onUndone, (failure: unknown) => {
              setBusy(false);
              setError(`Undo failed: ${failure instanceof Error ? failure.message : String(failure)}`);
            });
          }}
        >
          Undo
        </button>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A request to act, as the buttons make it: the action, and the question a destructive one asks. */
export type Ask = (action: ReviewAction, ask?: ConfirmOptions) => void;

/** The status changes allowed from here; Reject is drawn as destructive and asks first. */
export function StatusButtons(props: {
  readonly id: number;
  readonly from: IncidentStatus;
  readonly version: number;
  readonly onAct: Ask;
}) {
  return (
    <>
      {REVIEW_TRANSITIONS[props.from].map((next) => {
        const danger = next === 'rejected';
        const ask = danger
          ? {
              title: `Reject incident #${props.id}?`,
              body: 'It leaves the queue and is never published. You can undo this.',
              confirm: 'Reject',
              danger,
            }
          : undefined;
        return (
          <button
            key={next}
            type="button"
            data-action={next}
            class={danger ? 'danger' : next === 'confirmed' ? 'primary' : 'secondary'}
            onClick={() => props.onAct({ kind: 'review', status: next, baseVersion: props.version }, ask)}
          >
            {ACTION_LABELS[next] ?? words(next)}
          </button>
        );
      })}
    </>
  );
}

/** The reason box every action needs, and the line that tells a refusal or failure. */
export function ReasonField(props: {
  readonly id: string;
  readonly value: string;
  readonly invalid: boolean;
  readonly onInput: (value: string) => void;
}) {
  return (
    <>
      <label for={props.id}>Reason (internal: not published)</label>
      <textarea
        id={props.id}
        name="reason"
        rows={2}
        value={props.value}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={`${props.id}-status`}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </>
  );
}

export interface Problem {
  readonly message: string;
  readonly stale: boolean;
}

/** An action's reason, what went wrong with the last try, and how to run one. */
export interface Acting {
  readonly reason: string;
  readonly setReason: (value: string) => void;
  readonly problem: Problem | null;
  readonly invalid: boolean;
  readonly busy: boolean;
  readonly run: Ask;
}

/**
 * The state of an incident's actions: the reason typed, the last refusal or failure; a done
 * action goes to `onDone` (the page redraws and offers Undo).
 */
export function useActing(
  reasonId: string,
  id: number,
  before: Before,
  onDone: (done: Done) => void,
): Acting {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const run: Ask = (action, ask) => {
    void act({ id, action, before, reason, ask, onSending: () => setBusy(true) }).then((attempt) => {
      setBusy(false);
      setInvalid(attempt.kind === 'refused');
      if (attempt.kind === 'refused') {
        setProblem({ message: attempt.message, stale: false });
        document.getElementById(reasonId)?.focus();
      } else if (attempt.kind === 'failed') setProblem({ message: attempt.message, stale: attempt.stale });
      else if (attempt.kind === 'done') {
        setProblem(null);
        onDone(attempt.done);
      }
    });
  };
  return { reason, setReason, problem, invalid, busy, run };
}

/** Tells a refusal or a failure; a stale version gets a Reload button. */
export function ProblemLine({
  id,
  problem,
  busy,
}: {
  readonly id: string;
  readonly problem: Problem | null;
  readonly busy: boolean;
}) {
  return (
    <div class="card-status" id={id} aria-live="assertive">
      {busy ? (
        <p class="hint" role="status">
          Working…
        </p>
      ) : null}
      {problem ? (
        <p class="error" role="alert">
          {problem.message}
          {problem.stale ? (
            <>
              {' '}
              <button
                type="button"
                class="secondary"
                onClick={() => window.dispatchEvent(new HashChangeEvent('hashchange'))}
              >
                Reload
              </button>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
