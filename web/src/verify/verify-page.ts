import { getJson, messageOf } from '../api-client.js';
import type { PageModule } from '../page.js';
import { h, replace } from '../ui/dom.js';
import { checkpointView, latestCheckpoint } from './checkpoint-view.js';
import {
  parseKey,
  verifyExport,
  type CoreVerifierKey,
  type ExportReport,
} from '../../../src/audit/verify-core.js';

/** `/api/audit/keys`: the center's key and the registered witnesses' keys. */
interface AuditKeys {
  readonly log: string | null;
  readonly witnesses: readonly { readonly name: string; readonly vkey: string }[];
}

const MAX_FILE = 200 * 1024 * 1024;
const MAX_KEYS = 50;

/**
 * Anyone checks an export with proofs here, in the browser: the file never leaves the computer,
 * and the check (signatures, inclusion proofs, entry hashes) makes no server call. The keys are
 * offered from this server for convenience; whoever doubts it pastes keys published elsewhere.
 */
export const verifyPage: PageModule = {
  title: 'Verify',
  async render(main) {
    const [keys, checkpoint] = await Promise.all([
      getJson<AuditKeys>('/audit/keys').catch(() => ({ log: null, witnesses: [] }) as AuditKeys),
      latestCheckpoint(),
    ]);
    const logKeys = h('textarea', { id: 'verify-log-key', rows: 2, spellcheck: 'false' });
    logKeys.value = keys.log ?? '';
    const witnessKeys = h('textarea', { id: 'verify-witness-keys', rows: 3, spellcheck: 'false' });
    witnessKeys.value = keys.witnesses.map((w) => w.vkey).join('\n');
    const file = h('input', { id: 'verify-file', type: 'file', accept: 'application/json,.json' });
    const result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
    file.addEventListener('change', () => {
      const picked = file.files?.[0];
      if (picked) void check(picked, logKeys.value, witnessKeys.value, result);
    });
    main.append(
      h('h1', {}, 'Verify an export'),
      h(
        'p',
        {},
        'Pick an export made with proofs. Your browser checks it on this computer: the file is not sent anywhere, ',
        'and no server is asked whether it is genuine.',
      ),
      checkpointView(checkpoint, 'The checkpoint this page was made at'),
      h(
        'form',
        { class: 'verify-form', onsubmit: (event: Event) => event.preventDefault() },
        h('label', { for: 'verify-log-key' }, "The center's key"),
        h(
          'p',
          { class: 'hint', id: 'verify-log-key-hint' },
          'Offered by this server. If you do not trust it, paste the key the center published elsewhere.',
        ),
        logKeys,
        h('label', { for: 'verify-witness-keys' }, 'Witness keys, one a line'),
        h('p', { class: 'hint' }, 'Each party that runs a witness publishes its key; paste those you trust.'),
        witnessKeys,
        h('label', { for: 'verify-file' }, 'Export file (JSON with proofs)'),
        file,
      ),
      result,
      ...explanation(),
    );
    logKeys.setAttribute('aria-describedby', 'verify-log-key-hint');
  },
};

async function parseKeys(text: string, field: string): Promise<CoreVerifierKey[]> {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > MAX_KEYS) throw new Error(`${field}: at most ${MAX_KEYS} keys`);
  const keys: CoreVerifierKey[] = [];
  for (const line of lines) {
    try {
      keys.push(await parseKey(line));
    } catch (error) {
      throw new Error(`${field}: ${messageOf(error)}`, { cause: error });
    }
  }
  return keys;
}

async function check(picked: File, logText: string, witnessText: string, out: HTMLElement): Promise<void> {
  replace(out, h('p', { role: 'status' }, `Checking ${picked.name}…`));
  try {
    if (picked.size > MAX_FILE) throw new Error(`the file is larger than ${MAX_FILE / 1024 / 1024} MB`);
    const logKeys = await parseKeys(logText, "The center's key");
    if (logKeys.length === 0) throw new Error("The center's key: paste the key the export was signed with");
    const witnessKeys = await parseKeys(witnessText, 'Witness keys');
    let document: unknown;
    try {
      document = JSON.parse(await picked.text());
    } catch (error) {
      throw new Error(`${picked.name} is not JSON`, { cause: error });
    }
    replace(out, ...reportView(picked.name, await verifyExport(document, logKeys, witnessKeys)));
  } catch (error) {
    replace(out, h('p', { class: 'error', role: 'alert' }, messageOf(error)));
  }
}

function reportView(name: string, report: ExportReport): HTMLElement[] {
  const failed = report.results.filter((r) => !r.ok);
  const c = report.checkpoint;
  const summary = report.ok
    ? `${name} verifies: all ${report.incidents} incidents match checkpoint ${c?.origin ?? ''} of ${c?.size ?? 0} entries.`
    : c === null
      ? `${name} does NOT verify: ${report.problems[0]?.message ?? 'unreadable'}.`
      : `${name} does NOT verify: ${failed.length} of ${report.incidents} incidents fail (${failed
          .slice(0, 10)
          .map((r) => `incident ${r.incident ?? '?'}`)
          .join(', ')}${failed.length > 10 ? ', …' : ''}).`;
  const parts: HTMLElement[] = [
    h('p', { class: report.ok ? 'ok verify-summary' : 'error verify-summary', role: 'status' }, summary),
  ];
  if (c)
    parts.push(
      h('p', {}, `Checkpoint: log ${c.origin}, ${c.size} entries, root hash `, h('code', {}, c.root), '.'),
      h(
        'p',
        { class: 'cosigned-by' },
        report.cosignedBy.length
          ? `Cosigned by: ${report.cosignedBy.join(', ')}.`
          : 'Cosigned by: none of the witness keys given.',
      ),
    );
  if (report.results.length)
    parts.push(
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'verify-results' },
          h('caption', {}, 'Each incident in the file'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Incident'),
              h('th', { scope: 'col' }, 'Result'),
              h('th', { scope: 'col' }, 'What failed'),
            ),
          ),
          h(
            'tbody',
            {},
            ...report.results.map((r) =>
              h(
                'tr',
                { class: r.ok ? 'pass' : 'fail' },
                h('td', {}, String(r.incident ?? '?')),
                h('td', {}, r.ok ? 'passes' : 'FAILS'),
                h('td', {}, r.problem ?? ''),
              ),
            ),
          ),
        ),
      ),
    );
  return parts;
}

/** How to check a bulletin or an export, and how a party sets up a witness, in plain words. */
function explanation(): HTMLElement[] {
  const code = (text: string) => h('code', {}, text);
  return [
    h('h2', {}, 'What is checked'),
    h(
      'p',
      {},
      'The center signs, with its key, a short statement of how many entries its audit log holds and one hash ',
      'that sums them all up (a checkpoint). An export with proofs carries, for each incident, every change ',
      'recorded on it and a proof that each change is inside that checkpoint. The check recomputes each ',
      "change's hash from its content, follows its proof up to the checkpoint's hash, and checks the center's ",
      "signature and the witnesses' cosignatures. Change one byte of an incident and its line fails.",
    ),
    h('h2', {}, 'How to verify a bulletin'),
    h(
      'p',
      {},
      'Every bulletin ends with the checkpoint it was made at and the witnesses that cosigned it. Keep a copy. ',
      'Later, anyone with a copy of the database runs ',
      code('truce audit verify --checkpoint FILE --key CENTER_KEY'),
      ': it fails, naming the checkpoint, if the record was cut back or rewritten since.',
    ),
    h('h2', {}, 'How to verify an export'),
    h(
      'p',
      {},
      'Staff download an export with proofs from ',
      code('/api/export?format=json&proofs=1'),
      ' or run ',
      code('truce export --format json --proofs'),
      '. Check it here, or with ',
      code('truce verify FILE --key CENTER_KEY --witness WITNESS_KEY'),
      '.',
    ),
    h('h2', {}, 'How a party sets up a witness'),
    h(
      'ol',
      {},
      h(
        'li',
        {},
        'Make a key: ',
        code('truce witness keygen --name party.example/witness --key-file witness.pem'),
        '. Keep the file private; publish the key it prints.',
      ),
      h(
        'li',
        {},
        "Give that key to the center's administrator, who registers it (",
        code('truce witness register KEY'),
        ').',
      ),
      h(
        'li',
        {},
        'Run ',
        code(
          'truce witness run --center URL --log-key CENTER_KEY --key-file witness.pem --name party.example/witness --state state.json --every 600',
        ),
        '. Each round it checks the new checkpoint extends the last one it cosigned, then cosigns it; if the log was rewritten it refuses, alerts and exits with code 3.',
      ),
    ),
  ];
}
