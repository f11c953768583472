import { expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { firstAgreement } from '../demo/theatre-data.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { addUser } from '../record/user-store.js';
import { createAgreement } from './agreement-store.js';
import { createMission } from './mission-store.js';

const DEMO_AGREEMENT = firstAgreement('nagorno-karabakh');

const admin = { actor: 'admin:setup' };

describeEachDatabase('truce agreement assess|amend|link|unlink and truce mission activity|correct', (t) => {
  const cli = (args: string[], input?: string) =>
    runCli(['--db', t.config.url, ...args], input === undefined ? {} : { input });
  const clause = (asOf: string, c: string) =>
    JSON.parse(cli(['agreement', 'status', '--as-of', asOf, '--format', 'json']).stdout).commitments.find(
      (x: { clause: string }) => x.clause === c,
    );

  it('sets up users, the agreement and a mission', async () => {
    await addUser(t.db, admin, { username: 'amira', role: 'analyst' });
    await addUser(t.db, admin, { username: 'lev', role: 'monitor' });
    await addUser(t.db, admin, { username: 'ani', role: 'liaison', party: 'AM' });
    await createAgreement(t.db, admin, DEMO_AGREEMENT);
    await createMission(t.db, admin, {
      slug: 'pk',
      name: 'PK',
      mandate: { startsOn: '2020-11-10', termYears: 5 },
    });
  });

  it('records an assessment with evidence for an analyst', () => {
    const args = [
      'agreement',
      'assess',
      '--clause',
      '2',
      '--status',
      'fulfilled',
      '--score',
      '3',
      '--as-of',
      '2020-11-20',
    ];
    const result = cli([...args, '--evidence', 'Handover observed', '--as', 'amira']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('clause 2 assessed fulfilled (score 3) as of 2020-11-20\n');
    expect(clause('2020-11-21', '2')).toMatchObject({
      status: 'fulfilled',
      evidence: [{ title: 'Handover observed' }],
    });
  });

  it('refuses a liaison (exit 3) and a bad score naming the field (exit 2), changing nothing', () => {
    const args = [
      'agreement',
      'assess',
      '--clause',
      '6b',
      '--status',
      'fulfilled',
      '--as-of',
      '2020-11-20',
      '--evidence',
      'x',
    ];
    const liaison = cli([...args, '--score', '3', '--as', 'ani']);
    expect(liaison.status).toBe(3);
    expect(liaison.stderr).toMatch(/a liaison may not change commitments/);
    const bad = cli([...args, '--score', '7', '--as', 'amira']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Score must be between 0 and 3/);
    expect(clause('2020-12-02', '6b').status).toBe('overdue');
  });

  it('moves a deadline and keeps the original', () => {
    const result = cli([
      'agreement',
      'amend',
      '--clause',
      '6a',
      '--deadline',
      '2020-11-25',
      '--decided-on',
      '2020-11-15',
      '--reason',
      'Delay agreed',
      '--evidence',
      'Announcement',
      '--as',
      'amira',
    ]);
    expect(result.stdout).toBe('clause 6a deadline moved from 2020-11-15 to 2020-11-25\n');
    expect(clause('2020-11-21', '6a')).toMatchObject({
      status: 'pending',
      deadline: { date: '2020-11-25', inclusive: true },
    });
  });

  it('links an incident that violates the ceasefire', async () => {
    const incident = await createIncident(
      t.db,
      admin,
      buildIncident({ dateStart: '2020-12-11', dateEnd: '2020-12-11', status: 'confirmed' }),
    );
    const args = [
      'agreement',
      'link',
      '--incident',
      String(incident.id),
      '--clause',
      '1',
      '--effect',
      'violates',
      '--as',
      'amira',
    ];
    expect(cli(args).status).toBe(0);
    expect(clause('2020-12-11', '1')).toMatchObject({ status: 'violated', violations: 1 });
    expect(cli(args).status).toBe(5);
    const unlink = [
      'agreement',
      'unlink',
      '--incident',
      String(incident.id),
      '--clause',
      '1',
      '--as',
      'amira',
    ];
    expect(cli(unlink).status).toBe(2);
    expect(cli([...unlink, '--reason', 'linked to the wrong clause']).status).toBe(0);
    expect(clause('2020-12-11', '1')).toMatchObject({ violations: 0 });
    expect(cli([...unlink, '--reason', 'again']).status).toBe(4);
  });

  it('files daily activity per record: one recorded, a repeated day and a bad date refused', () => {
    const records = [
      { day: '2020-11-20', returned: 950, patrols: 4 },
      { day: '2020-11-20' },
      { day: '2020-02-30' },
    ];
    const result = cli(
      ['mission', 'activity', '-', '--as', 'lev', '--format', 'json'],
      JSON.stringify(records),
    );
    const { outcomes } = JSON.parse(result.stdout);
    expect(outcomes.map((o: { kind: string; code?: string }) => o.code ?? o.kind)).toEqual([
      'recorded',
      'conflict',
      'invalid',
    ]);
    expect(result.status).toBe(5);
    const status = JSON.parse(cli(['mission', 'status', '--as-of', '2020-11-20', '--format', 'json']).stdout);
    expect(status.today).toMatchObject({ returned: 950, patrols: 4 });
    expect(cli(['mission', 'activity', '-', '--as', 'ani'], '{"day":"2020-11-21"}').status).toBe(3);
  });

  it('corrects a filed day, keeping what it held before, and refuses a liaison or a correction without change', () => {
    const correct = (as: string, json: string) =>
      cli(['mission', 'correct', '2020-11-20', '-', '--reason', 'recounted', '--as', as], json);
    const done = correct('lev', '{"patrols":6,"deminedRoadKm":2.5}');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/patrols, deminedRoadKm/);
    const status = JSON.parse(cli(['mission', 'status', '--as-of', '2020-11-20', '--format', 'json']).stdout);
    expect(status.today).toMatchObject({ patrols: 6, deminedRoadKm: 2.5, returned: 950 });
    expect(correct('lev', '{"patrols":6}').status).toBe(2);
    expect(correct('ani', '{"patrols":7}').status).toBe(3);
  });

  it('leaves an audit chain that verifies', () => {
    expect(cli(['audit', 'verify']).status).toBe(0);
  });
});
