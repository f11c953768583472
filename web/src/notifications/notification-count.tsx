import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api-client.js';
import { useSession } from '../ui/header.js';
import type { Notifications } from './notifications-types.js';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * What waits for the signed-in person, in the header: the open review candidates and possible
 * duplicates for analysts and admins, the incidents awaiting a liaison's reply. Fetched again on
 * every navigation and sign-in, so it follows what the person just did.
 */
export function NotificationCount() {
  const { user } = useSession();
  const [notes, setNotes] = useState<Notifications | null>(null);
  useEffect(() => {
    if (!user) {
      setNotes(null);
      return;
    }
    let current = true;
    const load = () =>
      void getJson<Notifications>('/notifications', { limit: 1 }).then(
        (n) => current && setNotes(n),
        () => current && setNotes(null),
      );
    load();
    window.addEventListener('hashchange', load);
    return () => {
      current = false;
      window.removeEventListener('hashchange', load);
    };
  }, [user?.username, user?.role]);
  if (!notes || (!notes.review && !notes.awaitingReply)) return null;
  const { review, awaitingReply } = notes;
  return (
    <span class="notifications" role="group" aria-label="Waiting for you">
      {review ? (
        <>
          <a href="#/review" class="count">
            {plural(review.candidates, 'new candidate', 'new candidates')}
          </a>{' '}
          <a href="#/duplicates" class="count">
            {plural(review.openDuplicates, 'possible duplicate', 'possible duplicates')}
          </a>
        </>
      ) : null}
      {awaitingReply ? (
        <a href="#/replies" class="count">
          {plural(awaitingReply.total, 'incident awaits', 'incidents await')} your reply
        </a>
      ) : null}
    </span>
  );
}
