import { useEffect, useState } from 'preact/hooks';
import {
  listOutbox,
  onOutboxChange,
  outboxNeedsSignIn,
  referenceOf,
  removeEntry,
  sendOutbox,
  type OutboxEntry,
} from './outbox.js';

export interface OutboxListProps {
  /** The kind of entries this page lists (its own form's). */
  readonly kind: string;
  /** Puts a refused entry back into the page's form to fix and resend. */
  readonly onEdit: (entry: OutboxEntry) => void;
}

/** The time an entry was made, as the device shows times. */
const timeOf = (iso: string) => new Date(iso).toLocaleString();

/** Whether the device believes it has a connection, kept up to date. */
function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * The outbox of one form: each entry with its state (waiting, sending, sent with the server's
 * reference, refused with the server's reason and an Edit button), and Send now.
 */
export function OutboxList({ kind, onEdit }: OutboxListProps) {
  const [entries, setEntries] = useState<readonly OutboxEntry[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const online = useOnline();
  useEffect(() => {
    let live = true;
    const load = () =>
      void listOutbox()
        .then((all) => {
          if (live) setEntries(all.filter((e) => e.kind === kind));
        })
        .catch((error: unknown) => {
          if (live) setFailure(error instanceof Error ? error.message : String(error));
        });
    load();
    const stop = onOutboxChange(load);
    return () => {
      live = false;
      stop();
    };
  }, [kind]);

  const waiting = (entries ?? []).filter((e) => e.state === 'waiting' || e.state === 'sending').length;
  return (
    <section class="outbox" aria-labelledby={`outbox-${kind}`}>
      <h2 id={`outbox-${kind}`}>Outbox</h2>
      {failure ? (
        <p class="error" role="alert">
          The outbox on this device could not be read: {failure}.
        </p>
      ) : null}
      <p class="outbox-summary" role="status">
        {online ? '' : 'No connection: what you file is kept here and sent when the connection returns. '}
        {waiting === 0 ? 'Nothing waits to be sent.' : `${waiting} waiting to be sent.`}
      </p>
      {outboxNeedsSignIn() ? (
        <p class="error" role="alert">
          Your session has ended:{' '}
          <a href={`#/login?next=${encodeURIComponent(location.hash.slice(1).split('?')[0] ?? '')}`}>
            sign in
          </a>{' '}
          to send the outbox. Nothing in it is lost.
        </p>
      ) : null}
      <button type="button" disabled={waiting === 0} onClick={() => void sendOutbox(true)}>
        Send now
      </button>
      {entries && entries.length > 0 ? (
        <ol class="outbox-entries">
          {entries.map((entry) => (
            <li key={entry.id} data-outbox-state={entry.state} data-outbox-id={entry.id}>
              <p>
                <strong>{entry.label}</strong> <span class="hint">made {timeOf(entry.createdAt)}</span>
              </p>
              <EntryState entry={entry} onEdit={onEdit} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function EntryState({
  entry,
  onEdit,
}: {
  readonly entry: OutboxEntry;
  readonly onEdit: OutboxListProps['onEdit'];
}) {
  switch (entry.state) {
    case 'waiting':
      return (
        <p class="outbox-state">
          Waiting to be sent
          {entry.lastFailure ? ` (last try: ${entry.lastFailure}; tried ${entry.attempts} times)` : ''}.
        </p>
      );
    case 'sending':
      return <p class="outbox-state">Sending…</p>;
    case 'sent':
      return (
        <p class="outbox-state ok">
          Sent: {referenceOf(entry)}.{' '}
          <button type="button" onClick={() => void removeEntry(entry.id)}>
            Clear
          </button>
        </p>
      );
    case 'refused':
      return (
        <div class="outbox-state">
          <p class="error" role="alert">
            Refused: {entry.reason}
            {entry.field ? ` (field: ${entry.field})` : ''}. Fix it and send it again.
          </p>
          <button type="button" onClick={() => onEdit(entry)}>
            Edit and resend
          </button>{' '}
          <button type="button" onClick={() => void removeEntry(entry.id)}>
            Discard
          </button>
        </div>
      );
  }
}
