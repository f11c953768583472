import { describe, expect, it } from 'vitest';
import { attributionOf, buildBulletin, type BulletinIncident, type BulletinInputs } from './bulletin.js';
import { renderHtml, renderMarkdown } from './bulletin-render.js';
import { conservativeCount, reconcileFigures } from '../record/casualty.js';
import { complianceAsOf } from './compliance.js';
import { asOfDate } from './deadline.js';
import { buildActivity, buildCommitment, buildFacts } from './test-support/builders.js';

let id = 0;
function incident(overrides: Partial<BulletinIncident> = {}): BulletinIncident {
  id += 1;
  return {
    id,
    publicId: `p${id}`,
    kind: 'shelling',
    title: `Shelling ${id}`,
    status: 'confirmed',
    area: 'Martuni',
    placeName: 'Martuni',
    actor1: 'Side A',
    actor2: 'Side B',
    killed: 0,
    injured: 0,
    sources: [
      { publisher: 'Agency', title: 'Report', url: 'https://example.org/r', published: '2020-12-11' },
    ],
    ...overrides,
  };
}

function inputs(overrides: Partial<BulletinInputs> = {}): BulletinInputs {
  return {
    date: '2020-11-19',
    mission: { name: 'Test mission', slug: 'test' },
    agreement: { title: 'Test agreement', slug: 'nk' },
    incidents: [],
    undated: [],
    activity: buildActivity({ day: '2020-11-19', returned: 120, patrols: 3 }),
    totals: null,
    postsOpen: 23,
    commitments: [],
    statements: [],
    auditHead: { seq: 42, hash: 'a'.repeat(64) },
    checkpoint: null,
    ...overrides,
  };
}

describe('the bulletin', () => {
  it('groups violations by area with their casualties', () => {
    const b = buildBulletin(
      inputs({
        incidents: [
          incident({ killed: 2, injured: 1 }),
          incident({ area: 'Hadrut', injured: 3 }),
          incident({ kind: 'territory_handover', area: 'Aghdam' }),
          incident({ status: 'rejected', killed: 9 }),
        ],
      }),
    );
    expect(b.violations).toMatchObject({ total: 2, killed: 2, injured: 4 });
    expect(b.violations.byArea.map((a) => [a.area, a.count, a.killed, a.injured])).toEqual([
      ['Hadrut', 1, 0, 3],
      ['Martuni', 1, 2, 1],
    ]);
    expect(b.otherEvents.map((e) => e.kind)).toEqual(['territory_handover']);
  });

  it('states how far each attribution goes', () => {
    expect(attributionOf({ status: 'confirmed', actor1: 'A' })).toBe('attributed');
    expect(attributionOf({ status: 'candidate', actor1: 'A' })).toBe('alleged');
    expect(attributionOf({ status: 'disputed', actor1: 'A' })).toBe('disputed');
    expect(attributionOf({ status: 'confirmed', actor1: null })).toBe('not_attributed');
  });

  it('lists commitments falling due within a week and those overdue', () => {
    const due = complianceAsOf(buildFacts(), asOfDate('2020-11-19'));
    const overdue = complianceAsOf(
      buildFacts({ commitment: buildCommitment({ clause: '6a' }) }),
      asOfDate('2020-11-21'),
    );
    const far = complianceAsOf(
      buildFacts({
        commitment: buildCommitment({ deadline: { date: '2020-12-31', timeZone: 'UTC', inclusive: true } }),
      }),
      asOfDate('2020-11-19'),
    );
    const b = buildBulletin(inputs({ commitments: [due, overdue, far] }));
    expect(b.commitments.dueSoon.map((c) => c.clause)).toEqual(['2']);
    expect(b.commitments.overdue.map((c) => c.clause)).toEqual(['6a']);
  });

  it('renders Markdown and HTML ending with the audit head', () => {
    const b = buildBulletin(inputs({ incidents: [incident({ killed: 1 })] }));
    const md = renderMarkdown(b);
    expect(md).toMatch(/^# Test mission bulletin for 2020-11-19/);
    expect(md).toContain('[Agency, Report, 2020-12-11](<https://example.org/r>)');
    expect(md).toContain('How to check a bulletin');
    expect(md).toContain(`audit head ${'a'.repeat(64)}`);
    const html = renderHtml(b);
    expect(html).toContain(
      '<a href="https://example.org/r" rel="noopener noreferrer">Agency, Report, 2020-12-11</a>',
    );
    expect(html).toContain(`data-audit-head="${'a'.repeat(64)}"`);
  });

  it('carries its signed checkpoint and names the witnesses that cosigned it', () => {
    const root = Buffer.alloc(32, 7).toString('base64');
    const note = `center.test/log\n42\n${root}\n\n\u2014 center.test/log c2lnbmF0dXJl\n\u2014 party-a.test/w d2l0bmVzcw==\n`;
    const checkpoint = {
      origin: 'center.test/log',
      size: 42,
      root,
      note,
      cosignedBy: [{ witness: 'party-a.test/w', time: 1_767_225_600 }],
    };
    const md = renderMarkdown(buildBulletin(inputs({ checkpoint })));
    expect(md).toContain(`Signed checkpoint: log center.test/log, size 42, root hash ${root}.`);
    expect(md).toContain('Cosigned by: party-a.test/w (2026-01-01T00:00:00Z).');
    expect(md).toContain(`\`\`\`\n${note.trimEnd()}\n\`\`\``);
    const html = renderHtml(buildBulletin(inputs({ checkpoint })));
    expect(html).toContain(`data-checkpoint-size="42" data-checkpoint-root="${root}"`);
    expect(html).toContain('<pre>center.test/log\n42\n');
    const none = renderMarkdown(buildBulletin(inputs({ checkpoint: { ...checkpoint, cosignedBy: [] } })));
    expect(none).toContain('Cosigned by: no witness yet');
    const behind = renderMarkdown(buildBulletin(inputs({ checkpoint: { ...checkpoint, size: 40 } })));
    expect(behind).toContain('The record has 2 later entries not yet signed.');
    expect(renderMarkdown(buildBulletin(inputs()))).toContain('No signed checkpoint');
  });

  it('fences the checkpoint so no text in it can close the block', () => {
    const note = 'a```b\n1\nroot\n\n\u2014 x y\n';
    const md = renderMarkdown(
      buildBulletin(inputs({ checkpoint: { origin: 'a```b', size: 1, root: 'root', note, cosignedBy: [] } })),
    );
    expect(md).toContain(`\`\`\`\`\n${note.trimEnd()}\n\`\`\`\``);
  });

  it('never renders untrusted text as HTML, nor a non-web link', () => {
    const evil = incident({
      title: '<script>alert(1)</script>',
      sources: [{ publisher: null, title: 'x', url: 'javascript:alert(1)', published: null }],
    });
    const html = renderHtml(buildBulletin(inputs({ incidents: [evil] })));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
  });

  it('says so when nothing was recorded', () => {
    const md = renderMarkdown(buildBulletin(inputs({ activity: null })));
    expect(md).toContain('No violations were recorded.');
    expect(md).toContain('No activity record was filed for this day.');
  });
});

describe('conservative casualty counts', () => {
  const claim = (population: string, low: number | null, best: number | null, high: number | null) => ({
    reportId: 1,
    category: 'killed',
    population,
    low,
    best,
    high,
    qualifier: 'exact',
    claimant: null,
  });

  it('takes the lowest figure per population and adds named populations', () => {
    const figures = reconcileFigures([
      claim('AM', 2, 3, 4),
      { ...claim('AM', null, 5, null), reportId: 2 },
      claim('civilians', null, null, 1),
      { ...claim('AM', 7, 7, 7), category: 'injured' },
    ]);
    expect(conservativeCount(figures, 'killed')).toBe(3);
    expect(conservativeCount(figures, 'injured')).toBe(7);
    expect(conservativeCount([], 'killed')).toBe(0);
  });

  it('does not add deaths of unknown population to those of a named one', () => {
    const figures = reconcileFigures([claim('AM', 2, 2, 2), { ...claim('unknown', 5, 5, 5), reportId: 2 }]);
    expect(conservativeCount(figures, 'killed')).toBe(5);
  });
});
