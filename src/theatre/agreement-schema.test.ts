import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackAgreement, agreementFromPack, unknownParties, type PackCommitment } from './agreement-schema.js';
import { readPack } from './pack-io.js';

const text = [{ publisher: 'Test', text: 'Paraphrase written for the test.' }];
const agreement = (commitments: PackCommitment[], extra: Record<string, unknown> = {}) => ({
  slug: 'test-truce',
  title: 'A truce written for the test',
  signedOn: '2031-05-01',
  effectiveAt: '2031-05-02T06:00:00+01:00',
  timeZone: 'Africa/Lagos',
  parties: ['NG', 'XG'],
  commitments,
  ...extra,
});
const issues = (value: unknown) =>
  PackAgreement.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('agreements in a theatre pack', () => {
  it('reads the shipped Karabakh and Minsk agreements with party codes and their missions', () => {
    const nk = readPack('nagorno-karabakh').pack;
    expect(nk.agreements[0]).toMatchObject({ parties: ['AM', 'AZ', 'RU'], timeZone: 'Europe/Moscow' });
    expect(nk.missions[0]?.mandate).toMatchObject({ termYears: 5, renewalYears: 5, noticeMonths: 6 });
    const donbas = readPack('donbas-2015').pack;
    expect(donbas.agreements[0]).toMatchObject({
      parties: ['UA', 'RU', 'DPR', 'LPR'],
      timeZone: 'Europe/Kyiv',
    });
    expect(donbas.missions[0]?.mandate).toMatchObject({ termMonths: 6, ceilings: { personnel: 500 } });
  });

  it('holds Minsk’s withdrawal distances by weapon class as parameters, no field named for one conflict', () => {
    const [minsk] = readPack('donbas-2015').pack.agreements;
    const withdrawal = minsk?.commitments.find((c) => c.clause === '2b');
    expect(withdrawal?.parameters.filter((p) => p.name === 'security zone width')).toEqual([
      expect.objectContaining({ value: 50, unit: 'km', bound: 'at_least' }),
      expect.objectContaining({ value: 70, unit: 'km', appliesTo: 'multiple-launch rocket systems' }),
      expect.objectContaining({ value: 140, unit: 'km' }),
    ]);
  });

  it('turns deadlines counted from entry into force or an earlier clause into dates in the agreement’s zone', () => {
    const [minsk] = readPack('donbas-2015').pack.agreements;
    if (!minsk) throw new Error('the donbas-2015 pack lost its agreement');
    const due = new Map(agreementFromPack(minsk).commitments?.map((c) => [c.clause, c.deadline]));
    expect(due.get('2a')).toEqual({ date: '2015-02-17', timeZone: 'Europe/Kyiv', inclusive: true });
    expect(due.get('2b')).toEqual({ date: '2015-03-03', timeZone: 'Europe/Kyiv', inclusive: true });
    expect(due.get('6')).toEqual({ date: '2015-03-08', timeZone: 'Europe/Kyiv', inclusive: true });
    expect(due.get('1')).toBeNull();
  });

  it('counts entry into force on the effective instant’s day in the agreement’s own zone', () => {
    const late = agreement(
      [
        {
          clause: '1',
          title: 'Guns fall silent',
          kind: 'ceasefire',
          obligors: ['NG'],
          texts: text,
          deadline: { daysAfter: 0, of: 'entry_into_force', inclusive: true },
        },
      ],
      { effectiveAt: '2031-05-01T23:30:00Z' }, // 00:30 on 2 May in Lagos
    );
    const parsed = PackAgreement.parse(late);
    expect(agreementFromPack(parsed).commitments?.[0]?.deadline).toMatchObject({ date: '2031-05-02' });
  });

  it('refuses an obligor that is not a party, a name instead of a code, and a deadline counted from a later clause', () => {
    const base = { title: 'x', kind: 'withdrawal' as const, texts: text };
    expect(
      issues(
        agreement([
          { ...base, clause: '1', obligors: ['RU'] },
          { ...base, clause: '2', obligors: ['Nigeria'] },
          { ...base, clause: '3', obligors: ['NG'], deadline: { daysAfter: 3, of: '4', inclusive: true } },
          {
            ...base,
            clause: '4',
            obligors: ['NG'],
            deadline: { date: '2031-06-01', timeZone: 'Africa/Lagos', inclusive: true },
          },
        ]),
      ),
    ).toEqual([
      expect.stringMatching(/^commitments\.1\.obligors\.0: must be a party code/),
      "commitments.0.obligors.0: must be one of the agreement's parties (NG, XG)",
      "commitments.1.obligors.0: must be one of the agreement's parties (NG, XG)",
      'commitments.2.deadline.of: must name entry_into_force or an earlier clause with a deadline ("4" is not one)',
    ]);
  });

  it('refuses a repeated clause', () => {
    const c = { clause: '1', title: 'x', kind: 'other' as const, obligors: ['NG'], texts: text };
    expect(issues(agreement([c, c]))).toEqual(['commitments.1.clause: must be unique']);
  });

  it('refuses a pack whose mission mandate gives its term twice, naming the file and the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-pack-'));
    const file = join(dir, 'bad.json');
    const mission = {
      slug: 'test-mission',
      name: 'Test mission',
      mandate: { startsOn: '2031-05-01', termYears: 1, termMonths: 6 },
    };
    writeFileSync(file, JSON.stringify({ name: 'bad', title: 'Bad pack', missions: [mission] }));
    expect(() => readPack(file)).toThrow(
      /bad\.json: missions\.0\.mandate\.termMonths: must give the term in years or in months, not both/,
    );
  });

  it('names the agreement parties a theatre does not know, with their path', () => {
    const pack = { agreements: [PackAgreement.parse(agreement([]))] };
    expect(unknownParties(pack, (code) => code === 'NG')).toEqual([
      { path: ['agreements', 0, 'parties', 1], code: 'XG' },
    ]);
    expect(unknownParties(pack, () => true)).toEqual([]);
  });
});
