import { expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { createAgreement } from '../agreement/agreement-store.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { firstAgreement } from './theatre-data.js';

const DEMO_AGREEMENT = firstAgreement('nagorno-karabakh');

interface ClauseJson {
  clause: string;
  status: string;
  deadline: { date: string } | null;
}

describeEachDatabase('truce demo, agreement status, mission status and bulletin', (t) => {
  const cli = (...args: string[]) => runCli(['--db', t.config.url, ...args]);
  const json = (...args: string[]) => {
    const result = cli(...args);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout);
  };

  it('loads the demo once; a second run changes nothing and the chain still verifies', () => {
    expect(cli('demo').stdout).toMatch(
      /^demo loaded: agreement nagorno-karabakh-2020-11-10 \(15 commitments\)/,
    );
    const head = json('audit', 'verify', '--format', 'json');
    expect(cli('demo').stdout).toMatch(/demo already loaded/);
    expect(json('audit', 'verify', '--format', 'json')).toMatchObject({ ok: true, entries: head.entries });
  });

  it('shows Aghdam fulfilled, Kalbajar amended to 25 November and pending, Lachin pending as of 21 November', () => {
    const status = json('agreement', 'status', '--as-of', '2020-11-21', '--format', 'json');
    const clause = (c: string) => status.commitments.find((x: ClauseJson) => x.clause === c);
    expect(clause('2')).toMatchObject({ status: 'fulfilled', score: 3 });
    expect(clause('6a')).toMatchObject({
      status: 'pending',
      deadline: { date: '2020-11-25' },
      amendments: 1,
    });
    expect(clause('6b')).toMatchObject({ status: 'pending', deadline: { date: '2020-12-01' } });
    expect(cli('agreement', 'status', '--as-of', '2020-11-21').stdout).toMatch(
      /6a\s+Kalbajar.*pending.*2020-11-25 \(was 2020-11-15\)/,
    );
  });

  it('gives the term end and next notice date computed from the mandate', () => {
    const status = json('mission', 'status', '--as-of', '2020-12-01', '--format', 'json');
    expect(status.term).toMatchObject({
      termEnd: '2025-11-10',
      nextNoticeDate: '2025-05-10',
      renewsAutomatically: true,
    });
    const today = json('mission', 'status', '--format', 'json');
    expect(today.term.nextNoticeDate).toMatch(/^\d{4}-05-10$/);
    expect(today.term.termEnd).toMatch(/^\d{4}-11-10$/);
  });

  it('renders a bulletin in json, md and html with the same numbers and the audit head', () => {
    const head = json('audit', 'verify', '--format', 'json').headHash;
    const b = json('bulletin', '--date', '2020-12-12', '--format', 'json');
    expect(b.violations).toMatchObject({ total: 1, killed: 4 });
    expect(b.activity.day).toMatchObject({ returned: 500 });
    expect(b.auditHead.hash).toBe(head);
    const md = cli('bulletin', '--date', '2020-12-12', '--format', 'md').stdout;
    const html = cli('bulletin', '--date', '2020-12-12', '--format', 'html').stdout;
    for (const text of [md, html]) {
      expect(text).toContain('1 violation(s) recorded; killed 4, injured 0.');
      expect(text).toContain(
        `${b.activity.day.returned} today, ${b.activity.totals.returned.toLocaleString('en-US')} in total`,
      );
      expect(text).toContain(head);
    }
    expect(html).toMatch(/^<!doctype html>/);
  });

  it('refuses a bad date or format with exit code 2, naming the option', () => {
    const badDate = cli('agreement', 'status', '--as-of', '2020-13-01');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/--as-of/);
    const badFormat = cli('bulletin', '--date', '2020-12-12', '--format', 'pdf');
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toMatch(/--format: must be one of md, html, json/);
  });
});

describeEachDatabase('truce agreement status without evidence of the Lachin handover', (t) => {
  it('reports the Lachin handover overdue on 2 December', async () => {
    await createAgreement(t.db, { actor: 'analyst:test' }, DEMO_AGREEMENT);
    const result = runCli([
      '--db',
      t.config.url,
      'agreement',
      'status',
      '--as-of',
      '2020-12-02',
      '--format',
      'json',
    ]);
    const lachin = JSON.parse(result.stdout).commitments.find((c: ClauseJson) => c.clause === '6b');
    expect(lachin).toMatchObject({ status: 'overdue', deadline: { date: '2020-12-01' } });
    const dayBefore = runCli([
      '--db',
      t.config.url,
      'agreement',
      'status',
      '--as-of',
      '2020-12-01',
      '--format',
      'json',
    ]);
    expect(JSON.parse(dayBefore.stdout).commitments.find((c: ClauseJson) => c.clause === '6b').status).toBe(
      'pending',
    );
  });
});
