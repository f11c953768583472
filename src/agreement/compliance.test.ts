import { describe, expect, it } from 'vitest';
import { compareClauses } from './agreement-status.js';
import {
  complianceAsOf,
  effectiveDeadline,
  implementationByParty,
  summariseImplementation,
} from './compliance.js';
import { asOfDate, asOfInstant } from './deadline.js';
import {
  buildAmendment,
  buildAssessment,
  buildCommitment,
  buildFacts,
  buildLink,
} from './test-support/builders.js';

const status = (facts = buildFacts(), date = '2020-11-21') => complianceAsOf(facts, asOfDate(date)).status;

describe('a commitment with a deadline and no evidence', () => {
  it('is pending the day before the deadline', () =>
    expect(status(buildFacts(), '2020-11-19')).toBe('pending'));
  it('is pending on the deadline day itself', () =>
    expect(status(buildFacts(), '2020-11-20')).toBe('pending'));
  it('is overdue the day after', () => expect(status(buildFacts(), '2020-11-21')).toBe('overdue'));

  it('becomes overdue at midnight in the deadline time zone', () => {
    const facts = buildFacts();
    expect(complianceAsOf(facts, asOfInstant(new Date('2020-11-20T20:59:59Z'))).status).toBe('pending');
    expect(complianceAsOf(facts, asOfInstant(new Date('2020-11-20T21:00:00Z'))).status).toBe('overdue');
  });

  it('is pending before the agreement is in force, whatever else is recorded', () => {
    const facts = buildFacts({ links: [buildLink({ incidentDate: '2020-11-09' })] });
    expect(status(facts, '2020-11-09')).toBe('pending');
  });

  it('scores 0 (not initiated) and says why', () => {
    const result = complianceAsOf(buildFacts(), asOfDate('2020-11-21'));
    expect(result).toMatchObject({ score: 0, scoreLabel: 'not_initiated', daysLeft: -1 });
    expect(result.basis).toMatch(/deadline 2020-11-20 \(Europe\/Moscow\) passed/);
  });
});

describe('assessments', () => {
  it('counts a fulfilment recorded on the deadline day, and not before it', () => {
    const facts = buildFacts({ assessments: [buildAssessment({ asOf: '2020-11-20' })] });
    expect(status(facts, '2020-11-19')).toBe('pending');
    expect(status(facts, '2020-11-20')).toBe('fulfilled');
    expect(status(facts, '2020-11-21')).toBe('fulfilled');
    expect(complianceAsOf(facts, asOfDate('2020-11-21')).score).toBe(3);
  });

  it('turns in-progress work overdue once the deadline passes', () => {
    const facts = buildFacts({
      assessments: [buildAssessment({ asOf: '2020-11-18', status: 'in_progress', score: 2 })],
    });
    expect(status(facts, '2020-11-20')).toBe('in_progress');
    expect(complianceAsOf(facts, asOfDate('2020-11-20')).score).toBe(2);
    expect(status(facts, '2020-11-21')).toBe('overdue');
  });

  it('takes the latest assessment by date, then by the order recorded', () => {
    const facts = buildFacts({
      assessments: [
        buildAssessment({ asOf: '2020-11-19', status: 'disputed', score: 1 }),
        buildAssessment({ asOf: '2020-11-18', status: 'in_progress', score: 1 }),
      ],
    });
    expect(status(facts, '2020-11-19')).toBe('disputed');
    expect(status(facts, '2020-11-18')).toBe('in_progress');
  });
});

describe('linked incidents', () => {
  const ceasefire = buildCommitment({
    clause: '1',
    kind: 'ceasefire',
    deadline: null,
    obligors: ['AM', 'AZ'],
  });

  it('marks a commitment violated from the day of a confirmed violating incident', () => {
    const facts = buildFacts({ commitment: ceasefire, links: [buildLink({ incidentDate: '2020-12-11' })] });
    expect(status(facts, '2020-12-10')).toBe('pending');
    expect(status(facts, '2020-12-11')).toBe('violated');
    expect(complianceAsOf(facts, asOfDate('2020-12-11')).violations).toBe(1);
  });

  it('does not count a candidate incident as a violation', () => {
    const facts = buildFacts({ commitment: ceasefire, links: [buildLink({ incidentStatus: 'candidate' })] });
    expect(status(facts, '2020-12-11')).toBe('pending');
  });

  it('reports disputed when the violating incident is disputed', () => {
    const facts = buildFacts({ commitment: ceasefire, links: [buildLink({ incidentStatus: 'disputed' })] });
    expect(status(facts, '2020-12-11')).toBe('disputed');
  });

  it('lets a later assessment supersede an earlier violation', () => {
    const facts = buildFacts({
      commitment: ceasefire,
      links: [buildLink({ incidentDate: '2020-12-11' })],
      assessments: [buildAssessment({ asOf: '2020-12-15', status: 'in_progress', score: 2 })],
    });
    expect(status(facts, '2020-12-14')).toBe('violated');
    expect(status(facts, '2020-12-15')).toBe('in_progress');
  });

  it('puts a commitment in progress when implementing incidents exist, scoring 1', () => {
    const facts = buildFacts({ links: [buildLink({ effect: 'implements', incidentDate: '2020-11-19' })] });
    expect(complianceAsOf(facts, asOfDate('2020-11-19'))).toMatchObject({ status: 'in_progress', score: 1 });
  });
});

describe('amended deadlines', () => {
  const kalbajar = buildFacts({
    commitment: buildCommitment({
      clause: '6a',
      deadline: { date: '2020-11-25', timeZone: 'Europe/Moscow', inclusive: true },
    }),
    amendments: [buildAmendment()],
  });

  it('uses the original deadline before the amendment was decided', () => {
    expect(effectiveDeadline(kalbajar, asOfDate('2020-11-14')).deadline?.date).toBe('2020-11-15');
    expect(effectiveDeadline(kalbajar, asOfDate('2020-11-15')).deadline?.date).toBe('2020-11-25');
  });

  it('is pending after the original date once the deadline was moved, and overdue after the new one', () => {
    expect(status(kalbajar, '2020-11-21')).toBe('pending');
    expect(complianceAsOf(kalbajar, asOfDate('2020-11-21'))).toMatchObject({
      amendments: 1,
      originalDeadline: { date: '2020-11-15' },
    });
    expect(status(kalbajar, '2020-11-25')).toBe('pending');
    expect(status(kalbajar, '2020-11-26')).toBe('overdue');
  });
});

describe('implementation summaries', () => {
  const results = [
    complianceAsOf(buildFacts({ assessments: [buildAssessment()] }), asOfDate('2020-11-21')),
    complianceAsOf(buildFacts({ commitment: buildCommitment({ obligors: ['AZ'] }) }), asOfDate('2020-11-21')),
  ];

  it('counts statuses and the share of the maximum score', () => {
    expect(summariseImplementation(results)).toMatchObject({
      commitments: 2,
      score: 3,
      maxScore: 6,
      percent: 50,
    });
    expect(summariseImplementation(results).byStatus).toMatchObject({ fulfilled: 1, overdue: 1 });
  });

  it('splits by obligor', () => {
    const parties = implementationByParty(results);
    expect(parties.AM?.percent).toBe(100);
    expect(parties.AZ?.byStatus.overdue).toBe(1);
  });

  it('reports 0% for no commitments', () => expect(summariseImplementation([]).percent).toBe(0));
});

describe('clause order', () => {
  it('sorts clause numbers as a reader expects', () => {
    expect(['6b', '10', '2', '6a', '4b', '4a'].sort(compareClauses)).toEqual([
      '2',
      '4a',
      '4b',
      '6a',
      '6b',
      '10',
    ]);
  });
});
