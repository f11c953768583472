import { useState } from 'preact/hooks';
import { getJson } from '../api-client.js';
import { LoadError, gatedPage } from '../admin/parts.js';
import { useLoad } from '../ui/use-load.js';
import { partyLabel } from '../ui/theatre.js';
import { datesText, kindLabel } from '../ui/labels.js';
import type { AwaitingReply, Notifications } from './notifications-types.js';

const PAGE = 50;

const placeText = (i: AwaitingReply): string =>
  [i.place, i.country].filter(Boolean).join(', ') || 'place not stated';

/** A liaison's list: the incidents naming their party that their party has not answered yet. */
const loadReplies = (offset = 0) => getJson<Notifications>('/notifications', { limit: PAGE, offset });

function Replies({ initial }: { readonly initial: Notifications }) {
  const [offset, setOffset] = useState(0);
  const notes = useLoad(() => loadReplies(offset), { key: String(offset), initial });
  const awaiting = notes.value?.awaitingReply;
  if (notes.error)
    return <LoadError what="The incidents awaiting your reply" error={notes.error} retry={notes.reload} />;
  if (!notes.value)
    return (
      <p class="loading" role="status">
        Loading…
      </p>
    );
  if (!awaiting) return <p>Only a liaison bound to a party answers incidents.</p>;
  const go = (to: number) => {
    setOffset(to);
  };
  return (
    <>
      <p>
        Incidents naming {partyLabel(awaiting.party)} that your party has not answered yet, newest first:{' '}
        {awaiting.total === 0
          ? 'none.'
          : `${awaiting.total.toLocaleString('en')} ${awaiting.total === 1 ? 'incident' : 'incidents'}.`}{' '}
        Open one to file your party's response.
      </p>
      {awaiting.items.length > 0 ? (
        <ul class="awaiting-list">
          {awaiting.items.map((i) => (
            <li key={i.id} class="card">
              <h2>
                <a href={`#/incidents/${i.id}`}>{i.title}</a>
              </h2>
              <p>
                {kindLabel(i.kind)} · {datesText(i)} · {placeText(i)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {awaiting.total > PAGE ? (
        <nav aria-label="Pages" class="pager">
          <button type="button" disabled={offset === 0} onClick={() => go(Math.max(0, offset - PAGE))}>
            Newer
          </button>{' '}
          {offset + 1}–{Math.min(offset + PAGE, awaiting.total)} of {awaiting.total}{' '}
          <button type="button" disabled={offset + PAGE >= awaiting.total} onClick={() => go(offset + PAGE)}>
            Older
          </button>
        </nav>
      ) : null}
    </>
  );
}

export const repliesPage = gatedPage('Awaiting your reply', ['liaison'], loadReplies, Replies);
