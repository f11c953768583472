import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { open, signIn } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';
import { ANALYST } from './support/users.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

// Two outlets, in our own words: a mine under a truck near a village, and "clashes" somewhere in
// the region that village lies in, the same Monday. Close enough to ask, not enough to merge alone.
const FIXTURES = resolve(import.meta.dirname, 'fixtures/duplicates');

describe.skipIf(!hasChromium)('the duplicates queue', () => {
  const scene = demoScene([ANALYST], (truce) => {
    for (const file of ['mine-martuni.txt', 'clash-karabakh.txt']) {
      const ingested = truce.cli(['ingest', resolve(FIXTURES, file), '--published', '2021-03-16']);
      if (ingested.status !== 0) throw new Error(`ingest failed: ${ingested.stderr}`);
    }
  });
  const card = () => scene.w.page.locator('article.duplicate-card', { hasText: 'Martuni' });

  it('shows a suggestion with both incidents and the explanation in words', async () => {
    await signIn(scene.w.page, scene.truce.url, ANALYST);
    await open(scene.w.page, scene.truce.url, '#/duplicates');
    await card().waitFor();
    expect(await card().locator('.merge-reason').textContent()).toMatch(
      /possible duplicate \(score 0\.\d+, between/,
    );
    expect(await card().locator('.merge-features').textContent()).toMatch(/lies within the other/);
    expect(await card().locator('section.side').count()).toBe(2);
    // Both places on the card's small map (drawn once seen): the village's point and the region's centre.
    await card().locator('.pair-map').scrollIntoViewIfNeeded();
    await card().locator('.pair-map path.leaflet-interactive').nth(1).waitFor();
    expect(await card().locator('.pair-map path.leaflet-interactive').count()).toBe(2);
    await screenshot(scene.w.page, 'duplicates-queue');
  });

  it('merges the pair with one action, then undoes the merge', async () => {
    await card()
      .getByLabel('Reason (internal: not published)')
      .fill('The blast near Martuni is the clash the region reported.');
    await card().getByRole('button', { name: 'Merge' }).click();
    await scene.w.page.getByText(/: merged\./).waitFor();
    const merged = card();
    await merged.getByRole('button', { name: 'Undo merge' }).waitFor();
    await merged
      .getByLabel('Reason (internal: not published)')
      .fill('A second source places the clash elsewhere.');
    await merged.getByRole('button', { name: 'Undo merge' }).click();
    await scene.w.page.getByText(/unmerged: both incidents stand again/).waitFor();
    await card().getByRole('button', { name: 'Merge' }).waitFor();
    await screenshot(scene.w.page, 'duplicates-queue-after-undo');
  });
});
