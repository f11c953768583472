import { expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';

interface ClauseJson {
  clause: string;
  status: string;
  deadline: { date: string; timeZone: string } | null;
  obligors: string[];
}

describeEachDatabase('truce demo --theatre donbas-2015: Minsk and the OSCE SMM', (t) => {
  const cli = (...args: string[]) => runCli(['--db', t.config.url, ...args]);
  const json = (...args: string[]) => {
    const result = cli(...args, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout);
  };
  const clause = (asOf: string, c: string): ClauseJson =>
    json('agreement', 'status', '--as-of', asOf).commitments.find((x: ClauseJson) => x.clause === c);

  it('loads the Package of Measures and the SMM from the pack, once', () => {
    expect(cli('demo', '--theatre', 'donbas-2015').stdout).toMatch(
      /^demo loaded: agreement minsk-package-of-measures-2015-02-12 \(14 commitments\), mission osce-special-monitoring-mission-ukraine/,
    );
    expect(cli('demo', '--theatre', 'donbas-2015').stdout).toMatch(/demo already loaded/);
    expect(json('audit', 'verify')).toMatchObject({ ok: true });
  });

  it('answers agreement status as of 1 March 2015 in Kyiv time, obligors as party codes', () => {
    const status = json('agreement', 'status', '--as-of', '2015-03-01');
    expect(status.agreement).toMatchObject({
      slug: 'minsk-package-of-measures-2015-02-12',
      timeZone: 'Europe/Kyiv',
      parties: ['UA', 'RU', 'DPR', 'LPR'],
    });
    expect(status.asOf).toMatchObject({ date: '2015-03-01', instant: '2015-03-01T21:59:59.999Z' });
    const find = (c: string) => status.commitments.find((x: ClauseJson) => x.clause === c);
    // The Debaltseve fighting after 00:00 on 15 February is a confirmed violating incident.
    expect(find('1')).toMatchObject({ status: 'violated', obligors: ['UA', 'DPR', 'LPR'] });
    // No later than the second day after the ceasefire: 17 February; withdrawal within 14 days of it.
    expect(find('2a')).toMatchObject({ status: 'overdue', deadline: { date: '2015-02-17' } });
    expect(find('2b')).toMatchObject({ status: 'pending', deadline: { date: '2015-03-03' } });
    // All for all, no later than the fifth day after the withdrawal.
    expect(find('6')).toMatchObject({ deadline: { date: '2015-03-08' } });
    expect(find('10').obligors).toEqual(['UA', 'RU', 'DPR', 'LPR']);
  });

  it('holds the heavy-weapon withdrawal due the day before and on 3 March, overdue the day after', () => {
    expect(clause('2015-03-02', '2b').status).toBe('pending');
    expect(clause('2015-03-03', '2b').status).toBe('pending');
    expect(clause('2015-03-04', '2b').status).toBe('overdue');
  });

  it('reads the withdrawal deadline in Kyiv time, not UTC', () => {
    expect(clause('2015-03-03T23:59:00+02:00', '2b').status).toBe('pending');
    expect(clause('2015-03-04T00:00:00+02:00', '2b').status).toBe('overdue');
    // 22:30 UTC on 3 March is already 00:30 on 4 March in Kyiv.
    expect(clause('2015-03-03T22:30:00Z', '2b').status).toBe('overdue');
    expect(clause('2015-03-03T21:59:00Z', '2b').status).toBe('pending');
  });

  it('gives the SMM’s strength ceilings and renewals as decided', () => {
    const march1 = json('mission', 'status', '--as-of', '2015-03-01');
    expect(march1.mission.name).toBe('OSCE Special Monitoring Mission to Ukraine');
    expect(march1.ceilings.personnel).toBe(500);
    expect(march1.term).toMatchObject({
      state: 'active',
      period: 2,
      lastDay: '2015-03-20',
      renewsAutomatically: false,
      renewedUntil: null,
    });
    const march12 = json('mission', 'status', '--as-of', '2015-03-12');
    expect(march12.ceilings.personnel).toBe(1000);
    expect(march12.term).toMatchObject({ lastDay: '2015-03-20', renewedUntil: '2016-03-31' });
    expect(json('mission', 'status', '--as-of', '2015-03-21').term).toMatchObject({
      period: 3,
      periodStart: '2015-03-21',
      lastDay: '2016-03-31',
      renewedBy: { reference: 'PC.DEC/1162' },
    });
    expect(json('mission', 'status', '--as-of', '2022-04-01').term.state).toBe('ended');
    const text = cli('mission', 'status', '--as-of', '2015-03-12').stdout;
    expect(text).toMatch(/renewed until\s+2016-03-31/);
    expect(text).toMatch(/personnel —\/1,000/);
  });

  it('shows party names from the theatre in the table', () => {
    expect(cli('agreement', 'status', '--as-of', '2015-03-01').stdout).toMatch(/^5\s+Pardon.*Ukraine$/m);
  });

  it('refuses a pack without an agreement, naming it, and changes nothing', () => {
    const before = json('audit', 'verify').entries;
    const result = cli('demo', '--theatre', 'international');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/international\.json: the pack holds no agreement/);
    expect(json('audit', 'verify').entries).toBe(before);
  });
});
