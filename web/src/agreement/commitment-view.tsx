import { useState } from 'preact/hooks';
import { getJson } from '../api-client.js';
import { useSession } from '../ui/header.js';
import { words } from '../ui/dom.js';
import { partyLabels } from '../ui/theatre.js';
import { NO_DATE_TEXT } from '../ui/vocabulary.js';
import { AmendForm } from './amend-form.js';
import { AssessForm } from './assess-form.js';
import { DeadlineHistory, deadlineText } from './deadline-history.js';
import { Card, Done, Pending, actorName } from './fields.js';
import { useLoad } from '../ui/use-load.js';
import { LinkForm, UnlinkForm } from './link-form.js';
import type { AgreementStatus, CommitmentStatus } from './server-types.js';

/** What a form calls once its change is recorded: the page reloads the status and shows the message. */
export type AfterChange = (message: string) => Promise<void>;

/**
 * One commitment: its status and score, the history of its deadline (old ones struck through),
 * its assessments and linked incidents; for analysts and admins, the forms to assess it, move its
 * deadline and link or unlink an incident.
 */
export function CommitmentView(p: {
  readonly clause: string;
  readonly asOf: string;
  readonly initial: AgreementStatus;
}) {
  const { clause, asOf } = p;
  const session = useSession();
  const editor = session.role === 'admin' || session.role === 'analyst';
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useLoad(() => getJson<AgreementStatus>('/agreements/status', { asOf }), {
    key: `${clause}@${asOf}`,
  });
  const status = loaded.value;
  const c = status?.commitments.find((x) => x.clause === clause);
  const after: AfterChange = async (done) => {
    await loaded.reload();
    setMessage(done);
  };
  return (
    <>
      <p class="crumbs">
        <a href={`#/agreement?asOf=${asOf}`}>← Agreement board</a>
      </p>
      <h1>{c ? `Clause ${c.clause}: ${c.title}` : `Clause ${clause}`}</h1>
      <Pending loaded={loaded} />
      {status && !c ? <p>{`The agreement has no clause ${clause}.`}</p> : null}
      {status && c ? (
        <>
          <Done message={message} />
          <Summary c={c} asOf={status.asOf.date} />
          <Card title="Deadline">
            <DeadlineHistory amendments={c.history.amendments} />
          </Card>
          <Card title="Assessments">
            <Assessments c={c} />
          </Card>
          <Card title="Linked incidents">
            <Links c={c} />
          </Card>
          {editor ? (
            <>
              <AssessForm
                agreement={status.agreement.slug}
                commitment={c}
                asOf={status.asOf.date}
                after={after}
              />
              <AmendForm agreement={status.agreement} commitment={c} asOf={status.asOf.date} after={after} />
              <LinkForm
                agreement={status.agreement.slug}
                commitment={c}
                asOf={status.asOf.date}
                after={after}
              />
              {c.history.links.length > 0 ? (
                <UnlinkForm agreement={status.agreement.slug} commitment={c} after={after} />
              ) : null}
            </>
          ) : (
            <p class="hint">Analysts and admins assess commitments, move deadlines and link incidents.</p>
          )}
        </>
      ) : null}
    </>
  );
}

function Summary({ c, asOf }: { readonly c: CommitmentStatus; readonly asOf: string }) {
  const first = c.history.amendments.length > 0 ? c.originalDeadline : null;
  return (
    <Card title={`Status as of ${asOf}`}>
      <dl class="facts">
        <dt>Status</dt>
        <dd class="commitment-status">{words(c.status)}</dd>
        <dt>Score</dt>
        <dd class="commitment-score">{`${c.score}/3 (${words(c.scoreLabel)})`}</dd>
        <dt>Why</dt>
        <dd>{c.basis}</dd>
        <dt>Bound</dt>
        <dd>{partyLabels(c.obligors) || 'all parties'}</dd>
        <dt>Deadline</dt>
        <dd class="commitment-deadline">
          {c.deadline ? deadlineText(c.deadline) : 'none'}
          {first ? (
            <span>
              {' (first '}
              <del>{deadlineText(first)}</del>
              {')'}
            </span>
          ) : null}
        </dd>
      </dl>
    </Card>
  );
}

function Assessments({ c }: { readonly c: CommitmentStatus }) {
  if (c.history.assessments.length === 0) return <p class="hint">Not assessed yet.</p>;
  return (
    <ol class="assessments">
      {c.history.assessments.map((a, i) => (
        <li key={i}>
          {`As of ${a.asOf}: ${words(a.status)}, score ${a.score}/3, by ${actorName(a.assessedBy)}`}
          {a.note ? `. ${a.note}` : ''}
          {a.evidence.length > 0 ? ` (evidence: ${a.evidence.map((e) => e.title).join('; ')})` : ''}
        </li>
      ))}
    </ol>
  );
}

const EFFECT_WORDS: Readonly<Record<string, string>> = {
  violates: 'violates the clause',
  implements: 'implements the clause',
  disputed: 'bears on it, disputed',
};

function Links({ c }: { readonly c: CommitmentStatus }) {
  if (c.history.links.length === 0) return <p class="hint">No incident is linked to this clause.</p>;
  return (
    <ul class="links">
      {c.history.links.map((l) => (
        <li key={l.incidentId}>
          <a href={`#/incidents/${l.incidentId}`}>{l.incidentTitle}</a>
          {` (${l.incidentDate ?? NO_DATE_TEXT}, ${words(l.incidentStatus)}): ${EFFECT_WORDS[l.effect] ?? words(l.effect)}`}
          {l.note ? `. ${l.note}` : ''}
        </li>
      ))}
    </ul>
  );
}
