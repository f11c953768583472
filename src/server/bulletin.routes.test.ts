import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../demo/load-demo.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { createApp } from './app.js';
import { testRuntime } from '../platform/test-support/runtime.js';

interface Day {
  date: string;
  incidents: number;
  violations: number;
  undated: number;
  statements: number;
  activity: boolean;
}
interface IndexPage {
  days: Day[];
  next: string | null;
}

/** pdftotext (poppler-utils) reads the PDF's text as any reader would. */
const hasPdfToText = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPdfToText) console.warn('PDF text checks skipped: pdftotext (poppler-utils) is not installed');

function pdfText(pdf: Uint8Array): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'truce-bulletin-pdf-'));
  try {
    const file = join(dir, 'bulletin.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeEachDatabase('the bulletins index and the PDF bulletin on the demo', (t) => {
  const app = () => {
    const runtime: Runtime = testRuntime(t);
    return createApp(runtime, { clock: () => new Date('2020-12-01T12:00:00Z') });
  };
  const index = async (query = '') => {
    const response = await app().request(`/api/bulletins${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as IndexPage;
  };
  beforeAll(async () => {
    await loadDemo(t.db, {});
  });

  it('lists the days with content newest first, each with what it holds, agreeing with the bulletin', async () => {
    const { days } = await index('?limit=366');
    expect(days.length).toBeGreaterThan(3);
    const dates = days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(dates).size).toBe(dates.length);
    for (const d of days)
      expect(d.incidents + d.undated + d.statements + (d.activity ? 1 : 0), d.date).toBeGreaterThan(0);
    // A day's counts are those of its bulletin.
    const busy = days.find((d) => d.violations > 0);
    if (!busy) throw new Error('the demo has no day with a violation');
    const bulletin = (await (await app().request(`/api/bulletins/${busy.date}`)).json()) as {
      violations: { total: number };
      otherEvents: unknown[];
      statements: unknown[];
    };
    expect(bulletin.violations.total).toBe(busy.violations);
    expect(bulletin.violations.total + bulletin.otherEvents.length).toBe(busy.incidents);
    expect(bulletin.statements.length).toBe(busy.statements);
  });

  it('pages by keyset: before gives the older days, after the next ones nearest first', async () => {
    const all = (await index('?limit=366')).days.map((d) => d.date);
    const first = await index('?limit=2');
    expect(first.days.map((d) => d.date)).toEqual(all.slice(0, 2));
    expect(first.next).toBe(all[1]);
    const second = await index(`?limit=2&before=${first.next}`);
    expect(second.days.map((d) => d.date)).toEqual(all.slice(2, 4));
    const last = await index(`?limit=366&before=${all[0]}`);
    expect(last.next).toBeNull();
    expect(last.days.length).toBe(all.length - 1);
    const middle = all[2] as string;
    expect((await index(`?after=${middle}&limit=1`)).days.map((d) => d.date)).toEqual([all[1]]);
    expect((await index(`?before=${middle}&limit=1`)).days.map((d) => d.date)).toEqual([all[3]]);
  });

  it('refuses a bad page, naming the field', async () => {
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=9999', 'limit'],
      ['?before=2020-13-01', 'before'],
      ['?before=2020-11-20&after=2020-11-01', 'after'],
    ] as const) {
      const response = await app().request(`/api/bulletins${query}`);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(await response.json()), query).toContain(field);
    }
  });

  it('serves a day as a PDF download', async () => {
    const response = await app().request('/api/bulletins/2020-11-20?format=pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('bulletin-2020-11-20.pdf');
    const pdf = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  });

  describe.skipIf(!hasPdfToText)('the PDF as a reader opens it', () => {
    it('holds the day, its sections, the audit head and the checkpoint it was made at', async () => {
      const response = await app().request('/api/bulletins/2020-11-20?format=pdf');
      const { text, pages } = pdfText(new Uint8Array(await response.arrayBuffer()));
      const bulletin = (await (await app().request('/api/bulletins/2020-11-20')).json()) as {
        auditHead: { seq: number; hash: string };
        checkpoint: { size: number; root: string } | null;
      };
      expect(pages).toBeGreaterThanOrEqual(1);
      const flat = text.replace(/\s+/g, '');
      expect(text).toContain('2020-11-20');
      for (const section of ['Ceasefire violations', "The mission's activity", 'Commitments', 'Audit'])
        expect(text).toContain(section);
      expect(flat).toContain(bulletin.auditHead.hash);
      expect(text).toContain(`audit entry ${bulletin.auditHead.seq}`);
      if (bulletin.checkpoint) expect(flat).toContain(bulletin.checkpoint.root.replace(/\s+/g, ''));
    });
  });
});
