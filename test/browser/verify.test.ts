import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initKey } from '../../src/audit/keys.js';
import { axeViolations } from './support/axe.js';
import { open, signIn } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';
import { ANALYST } from './support/users.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

const WITNESS = 'party-b.browser/witness';

/**
 * A bulletin and the Verify page show which witnesses cosigned the checkpoint they were made at;
 * an export with proofs downloaded from the app verifies in the browser with no server call, and
 * a copy with one byte of one incident flipped fails, naming that incident.
 */
describe.skipIf(!hasChromium)('the Verify page and the checkpoint of a bulletin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-verify-'));
  // The server loads the center key when it starts: the key exists before the scene starts it.
  process.env.TRUCE_AUDIT_KEY_FILE = join(dir, 'center.pem');
  process.env.TRUCE_AUDIT_ORIGIN = 'browser.test/log';
  const center = initKey({ keyFile: process.env.TRUCE_AUDIT_KEY_FILE, origin: 'browser.test/log' });
  const witnessKeyFile = join(dir, 'witness.pem');
  const scene = demoScene([ANALYST]);

  /** The witness's round: the center signs the log as it is now, the witness checks and cosigns it. */
  const cosignNow = () => {
    expect(scene.truce.cli(['audit', 'checkpoint']).status).toBe(0);
    const run = scene.truce.cli([
      'witness',
      'run',
      '--center',
      scene.truce.url,
      '--log-key',
      center.vkey,
      '--key-file',
      witnessKeyFile,
      '--name',
      WITNESS,
      '--state',
      join(dir, 'witness-state.json'),
    ]);
    expect(run.status, run.stderr).toBe(0);
  };

  it('shows on the bulletin the checkpoint it was made at and the witness that cosigned it', async () => {
    const keygen = scene.truce.cli(['witness', 'keygen', '--name', WITNESS, '--key-file', witnessKeyFile]);
    expect(keygen.status, keygen.stderr).toBe(0);
    expect(scene.truce.cli(['witness', 'register', keygen.stdout.trim()]).status).toBe(0);
    cosignNow();
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/bulletins?date=2020-11-20');
    // The bulletin's audit section: the checkpoint it was made at, and the witness that cosigned it.
    const audit = page.locator('article.bulletin .bulletin-audit');
    await audit.waitFor();
    const facts = await audit
      .locator('dt')
      .evaluateAll((dts) =>
        dts.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']),
      );
    const fact = (name: string) => facts.find(([dt]) => dt === name)?.[1] ?? '';
    expect(fact('Signed checkpoint')).toMatch(/^browser\.test\/log, \d+ entries$/);
    expect(fact('Cosigned by')).toContain(`${WITNESS} (`);
    await screenshot(page, 'bulletin-checkpoint');
  });

  it('verifies a downloaded export in the browser, then names the incident of a one-byte-flipped copy', async () => {
    const { page } = scene.w;
    await signIn(page, scene.truce.url, ANALYST);
    cosignNow(); // signing in entered the log: the export's checkpoint is the one cosigned now
    const download = await page.request.get(`${scene.truce.url}/api/export?format=json&proofs=1`);
    expect(download.status()).toBe(200);
    const text = await download.text();
    const exported = join(dir, 'export.json');
    writeFileSync(exported, text);
    const doc = JSON.parse(text) as { incidents: { id: number; record: { title: string } }[] };
    expect(doc.incidents.length).toBeGreaterThan(3);

    await open(page, scene.truce.url, '#/verify');
    expect(await page.locator('section.checkpoint .cosigned-by').textContent()).toContain(WITNESS);
    expect(await page.getByLabel("The center's key").inputValue()).toBe(center.vkey);
    expect(await axeViolations(page)).toEqual([]);
    // The check sees a violation when there is one: an image without a text alternative.
    await page.evaluate(
      `document.querySelector('main').append(Object.assign(document.createElement('img'), { id: 'probe', src: 'data:,' }))`,
    );
    expect((await axeViolations(page)).join('\n')).toMatch(/^image-alt: #probe/m);
    await page.evaluate(`document.getElementById('probe').remove()`);

    const calls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) calls.push(r.url());
    });
    await page.getByLabel('Export file (JSON with proofs)').setInputFiles(exported);
    const summary = page.locator('.verify-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe(
      `export.json verifies: all ${doc.incidents.length} incidents match checkpoint browser.test/log of ${
        JSON.parse(text).size as number
      } entries.`,
    );
    expect(await page.locator('#verify-result .cosigned-by').textContent()).toBe(`Cosigned by: ${WITNESS}.`);
    expect(await page.locator('table.verify-results tbody tr.pass').count()).toBe(doc.incidents.length);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'verify-passes');

    const victim = doc.incidents[2] as (typeof doc.incidents)[number];
    const title = victim.record.title;
    victim.record.title = `${title.slice(0, 1)}${String.fromCharCode(title.charCodeAt(1) ^ 1)}${title.slice(2)}`;
    const flipped = join(dir, 'flipped.json');
    const changed = `${JSON.stringify(doc, null, 1)}\n`;
    expect([...changed].filter((ch, i) => ch !== text[i]).length).toBe(1);
    writeFileSync(flipped, changed);
    await page.getByLabel('Export file (JSON with proofs)').setInputFiles(flipped);
    await page.getByText(/^flipped\.json does NOT verify/).waitFor();
    expect(await summary.textContent()).toBe(
      `flipped.json does NOT verify: 1 of ${doc.incidents.length} incidents fail (incident ${victim.id}).`,
    );
    const failing = page.locator('table.verify-results tbody tr.fail');
    expect(await failing.count()).toBe(1);
    expect(await failing.locator('td').allTextContents()).toEqual([
      String(victim.id),
      'FAILS',
      'its record differs from what its last audit entry records',
    ]);
    expect(calls).toEqual([]);
    expect(scene.w.errors).toEqual([]);
    await screenshot(page, 'verify-fails');
  });
});
