import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { signerOf } from '../audit/keys.js';
import {
  COSIGNATURE_V1,
  cosign,
  encodeVerifierKey,
  noteSignedBy,
  parseNote,
  parseVerifierKey,
  rawPublicKey,
} from '../audit/note.js';
import { registerWitness } from '../audit/witness-store.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { createApp } from '../server/app.js';
import type { Bulletin } from './bulletin.js';

const now = new Date('2026-04-01T08:00:00Z');
const center = signerOf('bulletin.test/log', generateKeyPairSync('ed25519').privateKey);
const witnessKey = generateKeyPairSync('ed25519').privateKey;
const witnessName = 'party-b.test/witness';

/**
 * A bulletin is made at a checkpoint signed for it: asking for it signs the log as it stands (once
 * per change of the log), and the bulletin shows the witnesses' cosignatures known when asked,
 * including those that arrived after it was first made.
 */
describeEachDatabase('the checkpoint of a bulletin', (t) => {
  const runtime = (): Runtime => ({
    config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
    db: t.db,
    log: createLogger('silent'),
    close: async () => {},
  });
  const checkpoints = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_checkpoints')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('signs one for the bulletin, shows cosignatures that arrive later, and signs anew when the log grew', async () => {
    await createIncident(
      t.db,
      { actor: 'user:a' },
      buildIncident({ dateStart: '2026-03-31', dateEnd: '2026-03-31' }),
    );
    const app = createApp(runtime(), { signer: center, clock: () => now });
    const get = async (format = 'json') => app.request(`/api/bulletins/2026-03-31?format=${format}`);
    const first = (await (await get()).json()) as Bulletin;
    const head = await t.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(first.checkpoint).toMatchObject({
      origin: 'bulletin.test/log',
      size: Number(head.seq),
      cosignedBy: [],
    });
    expect(noteSignedBy(parseNote(first.checkpoint?.note ?? ''), parseVerifierKey(center.vkey))).toBe(true);
    expect(await checkpoints()).toBe(1);
    await get('md');
    expect(await checkpoints()).toBe(1);

    await registerWitness(t.db, {
      vkey: encodeVerifierKey(witnessName, COSIGNATURE_V1, rawPublicKey(createPublicKey(witnessKey))),
      addedBy: 'admin:test',
      now,
    });
    const body = parseNote(first.checkpoint?.note ?? '').body;
    const posted = await app.request('/api/audit/cosignatures', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body, line: cosign(body, witnessName, witnessKey, 1_775_030_400) }),
    });
    expect(posted.status).toBe(201);
    const later = (await (await get()).json()) as Bulletin;
    expect(later.checkpoint?.cosignedBy).toEqual([{ witness: witnessName, time: 1_775_030_400 }]);
    expect(later.checkpoint?.note).toContain(`\u2014 ${witnessName} `);
    expect(await (await get('md')).text()).toContain(`Cosigned by: ${witnessName} (2026-04-01T08:00:00Z).`);
    expect(await (await get('html')).text()).toContain(`data-checkpoint-size="${Number(head.seq)}"`);

    await createIncident(
      t.db,
      { actor: 'user:a' },
      buildIncident({ dateStart: '2026-03-31', dateEnd: '2026-03-31' }),
    );
    const grown = (await (await get()).json()) as Bulletin;
    expect(grown.checkpoint?.size).toBeGreaterThan(first.checkpoint?.size ?? 0);
    expect(grown.checkpoint?.cosignedBy).toEqual([]);
    expect(await checkpoints()).toBe(2);
  });

  it('without the center key, shows the latest checkpoint and signs none', async () => {
    const before = await checkpoints();
    const app = createApp(runtime(), { clock: () => now });
    const b = (await (await app.request('/api/bulletins/2026-03-31')).json()) as Bulletin;
    expect(b.checkpoint?.origin).toBe('bulletin.test/log');
    expect(await checkpoints()).toBe(before);
  });
});
