import { useState } from 'preact/hooks';
import { getJson, messageOf, postJson } from '../api-client.js';
import type { IncidentStatus } from '../ui/vocabulary.js';
import { confirmAction } from './confirm.js';
import { walkBack, type Done } from './review-actions.js';
import type { BulkResult, ReviewQueuePage } from './review-types.js';

type BulkAction = 'start_review' | 'reject';

export interface BulkBarProps {
  readonly page: ReviewQueuePage;
  readonly selected: ReadonlySet<number>;
  readonly setSelected: (next: ReadonlySet<number>) => void;
  readonly onDone: (done: Done) => void;
}

/** Select all on the page, one reason, Start review or Reject for every selected card (Reject asks). */
export function BulkBar({ page, selected, setSelected, onDone }: BulkBarProps) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const ids = page.items.map((c) => c.incident.id);
  const all = selected.size > 0 && ids.every((id) => selected.has(id));
  const run = async (action: BulkAction) => {
    const items = page.items
      .filter((c) => selected.has(c.incident.id))
      .map((c) => ({ id: c.incident.id, baseVersion: c.incident.version }));
    if (!reason.trim()) {
      setProblem('Please give one reason for all the selected.');
      document.getElementById('bulk-reason')?.focus();
      return;
    }
    setProblem('');
    if (action === 'reject') {
      const ask = {
        title: `Reject ${items.length} incident(s)?`,
        body: 'They leave the queue and are never published. You can undo this.',
        confirm: `Reject ${items.length}`,
        danger: true,
      };
      if (!(await confirmAction(ask))) return;
    }
    try {
      const result = await postJson<BulkResult>('/review/bulk', { action, reason: reason.trim(), items });
      const changed = result.outcomes.filter((o) => o.ok).map((o) => o.id);
      const failures = result.outcomes.flatMap((o) => (o.ok ? [] : [`#${o.id}: ${o.error.message}`]));
      setSelected(new Set([...selected].filter((id) => !changed.includes(id))));
      const verb = action === 'reject' ? 'rejected' : 'taken into review';
      const failed = failures.length ? ` ${result.failed} could not be — ${failures.join('; ')}` : '';
      onDone({
        message: `${result.done} ${verb}.${failed}`,
        undo: changed.length ? () => undoBulk(page, changed, reason.trim()) : null,
      });
    } catch (error) {
      setProblem(`Nothing was changed: ${messageOf(error)}`);
    }
  };
  return (
    <section class="bulk" aria-label="Act on the selected incidents">
      <div class="field-inline">
        <input
          type="checkbox"
          id="select-all"
          checked={all}
          onChange={(event) => setSelected(event.currentTarget.checked ? new Set(ids) : new Set())}
        />
        <label for="select-all">Select all on this page</label>{' '}
        <span class="selected-count" aria-live="polite">
          {selected.size} selected
        </span>
      </div>
      <label for="bulk-reason">One reason for all the selected (internal: not published)</label>
      <textarea
        id="bulk-reason"
        name="bulk-reason"
        rows={2}
        value={reason}
        aria-invalid={problem.startsWith('Please') ? 'true' : undefined}
        onInput={(event) => setReason(event.currentTarget.value)}
      />
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={selected.size === 0}
          onClick={() => void run('start_review')}
        >
          Start review
        </button>
        <button
          type="button"
          class="danger"
          disabled={selected.size === 0}
          onClick={() => void run('reject')}
        >
          Reject
        </button>
      </div>
      <div class="bulk-status" aria-live="assertive">
        {problem ? (
          <p class="error" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** Puts each changed incident back where it was, by the allowed steps (rejected → under review → candidate). */
async function undoBulk(page: ReviewQueuePage, ids: readonly number[], reason: string): Promise<string> {
  let back = 0;
  for (const id of ids) {
    const card = page.items.find((c) => c.incident.id === id);
    if (!card) continue;
    try {
      const now = await getJson<{ incident: { status: IncidentStatus; version: number } }>(
        `/incidents/${id}`,
      );
      await walkBack(id, now.incident.status, card.incident.status, now.incident.version, `undo: ${reason}`);
      back += 1;
    } catch {
      // Told in the count: the others still go back.
    }
  }
  return `${back} of ${ids.length} put back as they were.`;
}
