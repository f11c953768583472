import { ApiError, getJson, messageOf } from '../api-client.js';
import { h } from '../ui/dom.js';

/** A checkpoint as a page shows it: which log, how many entries, its root, who cosigned it. */
export interface ShownCheckpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: string;
  readonly cosignedBy: readonly { readonly witness: string; readonly time: number }[];
}

/** `/api/audit/checkpoint` as this page reads it. */
interface LatestCheckpoint {
  readonly size: number;
  readonly signedNote: string;
  readonly cosignatures: readonly { readonly witness: string; readonly time: number }[];
}

const utc = (unix: number) => new Date(unix * 1000).toISOString().replace('.000Z', 'Z');

/** The checkpoint as text only: origin, size, root hash, and each witness that cosigned it. */
export function checkpointView(checkpoint: ShownCheckpoint | null, heading: string): HTMLElement {
  const section = h('section', { class: 'checkpoint', 'aria-labelledby': 'checkpoint-heading' });
  section.append(h('h2', { id: 'checkpoint-heading' }, heading));
  if (!checkpoint) {
    section.append(h('p', {}, 'No checkpoint has been signed yet.'));
    return section;
  }
  const cosigned = checkpoint.cosignedBy;
  section.append(
    h(
      'dl',
      {},
      h('dt', {}, 'Log'),
      h('dd', {}, checkpoint.origin),
      h('dt', {}, 'Entries'),
      h('dd', {}, String(checkpoint.size)),
      h('dt', {}, 'Root hash'),
      h('dd', {}, h('code', {}, checkpoint.root)),
    ),
    cosigned.length === 0
      ? h('p', { class: 'cosigned-by' }, 'Cosigned by: no witness yet.')
      : h(
          'div',
          { class: 'cosigned-by' },
          h('p', {}, `Cosigned by ${cosigned.length} witness${cosigned.length === 1 ? '' : 'es'}:`),
          h('ul', {}, ...cosigned.map((c) => h('li', {}, `${c.witness}, on ${utc(c.time)}`))),
        ),
  );
  return section;
}

/** The center's latest checkpoint with the cosignatures known now, or null before the first. */
export async function latestCheckpoint(): Promise<ShownCheckpoint | null> {
  try {
    const latest = await getJson<LatestCheckpoint>('/audit/checkpoint');
    const [origin = '', , root = ''] = latest.signedNote.split('\n');
    return { origin, size: latest.size, root, cosignedBy: latest.cosignatures };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw new Error(`the latest checkpoint could not be read: ${messageOf(error)}`, { cause: error });
  }
}
