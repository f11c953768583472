import type { ActivityTotals } from './activity.js';
import type { Bulletin, SourceRef, ViolationItem } from './bulletin.js';
import type { Compliance } from './compliance.js';

/** The bulletin as a small document (headings, paragraphs, lists of text and links), rendered to Markdown or HTML. */
export type Inline = string | { readonly text: string; readonly href: string | null };
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'code'; readonly text: string };

const heading = (level: 1 | 2, text: string): Block => ({ kind: 'heading', level, text });
const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
const list = (items: readonly (readonly Inline[])[]): Block => ({ kind: 'list', items });
const code = (text: string): Block => ({ kind: 'code', text });

const num = (n: number) => n.toLocaleString('en-US');
const words = (kind: string) => kind.replaceAll('_', ' ');

function sourceLinks(sources: readonly SourceRef[]): Inline[] {
  if (sources.length === 0) return [' (no source recorded)'];
  const links = sources.flatMap((s, i): Inline[] => [
    i === 0 ? ' — sources: ' : '; ',
    { text: [s.publisher, s.title, s.published].filter(Boolean).join(', '), href: s.url },
  ]);
  return links;
}

function violationLine(v: ViolationItem): Inline[] {
  const who = v.actor1 ? `${v.actor1}${v.actor2 ? ` / ${v.actor2}` : ''}` : 'no actor named';
  return [
    `Incident ${v.id}: ${v.title} (${words(v.kind)}; ${words(v.attribution)}: ${who}; killed ${v.killed}, injured ${v.injured})`,
    ...sourceLinks(v.sources),
  ];
}

function violationBlocks(b: Bulletin): Block[] {
  const v = b.violations;
  if (v.total === 0) return [heading(2, 'Ceasefire violations'), paragraph('No violations were recorded.')];
  return [
    heading(2, 'Ceasefire violations'),
    paragraph(`${v.total} violation(s) recorded; killed ${v.killed}, injured ${v.injured}.`),
    ...v.byArea.flatMap((a) => [
      paragraph(`${a.area}: ${a.count} violation(s), killed ${a.killed}, injured ${a.injured}`),
      list(a.items.map(violationLine)),
    ]),
  ];
}

function totalsLine(t: ActivityTotals): string {
  return (
    `Since records began (${t.days} days): ${num(t.returned)} people returned; demining ${num(t.deminedHectares)} ha, ` +
    `${num(t.deminedRoadKm)} km of road, ${num(t.deminedBuildings)} buildings, ${num(t.explosiveItems)} explosive items; ` +
    `${num(t.humanitarianTonnes)} t of humanitarian aid; ${num(t.violationsRecorded)} violations recorded.`
  );
}

function activityBlocks(b: Bulletin): Block[] {
  const { day, totals, postsOpen } = b.activity;
  const blocks: Block[] = [heading(2, "The mission's activity")];
  if (!day) blocks.push(paragraph('No activity record was filed for this day.'));
  else {
    const lines: Inline[][] = [
      [`Observation posts open: ${postsOpen ?? 'not recorded'}`],
      [`Patrols: ${day.patrols}${day.patrolAreas.length ? ` (${day.patrolAreas.join(', ')})` : ''}`],
      [
        `Escorted through ${day.escortCorridor ?? 'the corridor'}: ${num(day.escortVehicles)} vehicles, ${num(day.escortPeople)} people`,
      ],
      [
        `Displaced people returned: ${num(day.returned)} today, ${num(totals?.returned ?? day.returned)} in total`,
      ],
      [
        `Demining: ${day.deminedHectares} ha, ${day.deminedRoadKm} km of road, ${day.deminedBuildings} buildings, ${day.explosiveItems} explosive items`,
      ],
      [`Humanitarian aid delivered: ${day.humanitarianTonnes} t`],
      [`Violations recorded by the mission: ${day.violationsRecorded}`, ...sourceLinks(day.sources)],
    ];
    blocks.push(list(lines));
  }
  if (totals) blocks.push(paragraph(totalsLine(totals)));
  return blocks;
}

function commitmentLine(c: Compliance): Inline[] {
  const due = c.deadline
    ? ` — due ${c.deadline.date} (${c.deadline.timeZone}${c.deadline.inclusive ? ', inclusive' : ', exclusive'})`
    : '';
  const amended = c.amendments > 0 ? `, moved from ${c.originalDeadline?.date ?? '?'}` : '';
  const basis = c.status === 'pending' || c.status === 'in_progress' ? '' : `; ${c.basis}`;
  const evidence = c.evidence.map((e) => ({
    publisher: e.publisher,
    title: e.incidentId === null ? e.title : `incident ${e.incidentId}: ${e.title}`,
    url: e.url,
    published: e.published,
  }));
  return [
    `Clause ${c.clause}: ${c.title} — ${words(c.status)}${due}${amended}${basis}`,
    ...(evidence.length ? sourceLinks(evidence) : []),
  ];
}

function commitmentBlocks(b: Bulletin): Block[] {
  const { dueSoon, overdue, violated, fulfilledToday } = b.commitments;
  const all = [...overdue, ...violated, ...dueSoon, ...fulfilledToday];
  if (all.length === 0)
    return [
      heading(2, 'Commitments'),
      paragraph('No commitment falls due, is overdue, was violated or was fulfilled.'),
    ];
  const section = (title: string, items: readonly Compliance[]): Block[] =>
    items.length ? [paragraph(title), list(items.map(commitmentLine))] : [];
  return [
    heading(2, 'Commitments'),
    ...section('Overdue:', overdue),
    ...section('Violated:', violated),
    ...section('Falling due within 7 days:', dueSoon),
    ...section('Fulfilled this day:', fulfilledToday),
  ];
}

function statementBlocks(b: Bulletin): Block[] {
  if (b.statements.length === 0) return [];
  return [
    heading(2, 'Statements'),
    list(
      b.statements.map((s) => [
        `${s.speaker}${s.office ? ` (${s.office})` : ''}: ${s.direct ? `“${s.text}”` : s.text}`,
        ...sourceLinks(s.sources),
      ]),
    ),
  ];
}

const utc = (unix: number) => new Date(unix * 1000).toISOString().replace('.000Z', 'Z');

/** The checkpoint the bulletin was made at, who cosigned it, and how to check it. */
function checkpointBlocks(b: Bulletin): Block[] {
  const c = b.checkpoint;
  if (!c) return [paragraph('No signed checkpoint: the center has no signing key yet (truce keys init).')];
  const behind =
    c.size < b.auditHead.seq
      ? ` The record has ${b.auditHead.seq - c.size} later entries not yet signed.`
      : '';
  return [
    paragraph(`Signed checkpoint: log ${c.origin}, size ${c.size}, root hash ${c.root}.${behind}`),
    c.cosignedBy.length === 0
      ? paragraph('Cosigned by: no witness yet (cosignatures that arrive later are shown by the web app).')
      : paragraph(`Cosigned by: ${c.cosignedBy.map((w) => `${w.witness} (${utc(w.time)})`).join(', ')}.`),
    paragraph('The checkpoint as signed, with its cosignatures:'),
    code(c.note),
    paragraph(
      "To check the record against it: save the note above to a file and run truce audit verify --checkpoint FILE --key CENTER_KEY; to check an export made at it, open the web app's Verify page or run truce verify FILE --key CENTER_KEY.",
    ),
  ];
}

/** Incidents recorded this day that no report dates: a line apart, never among the day's events. */
function undatedBlocks(b: Bulletin): Block[] {
  if (b.undated.length === 0) return [];
  const n = b.undated.length;
  return [
    heading(2, 'Recorded this day, date not stated'),
    paragraph(
      `${n} incident${n === 1 ? '' : 's'} recorded this day ${n === 1 ? 'has' : 'have'} no date in ${n === 1 ? 'its' : 'their'} reports; ${n === 1 ? 'it is' : 'they are'} not counted above.`,
    ),
    list(
      b.undated.map((e) => [
        `Incident ${e.id}: ${e.title} (${words(e.kind)}, ${e.status})`,
        ...sourceLinks(e.sources),
      ]),
    ),
  ];
}

/**
 * The bulletin's document, ending with the audit chain's head and the signed checkpoint so readers
 * can later prove the record has not changed since.
 *
 * @example bulletinDocument(buildBulletin(inputs))[0] // { kind: 'heading', level: 1, text: '… bulletin for 2020-11-20' }
 */
export function bulletinDocument(b: Bulletin): Block[] {
  const others = b.otherEvents.map((e) => [
    `Incident ${e.id}: ${e.title} (${words(e.kind)}, ${e.status})`,
    ...sourceLinks(e.sources),
  ]);
  return [
    heading(1, b.title),
    ...(b.agreement ? [paragraph(`Held against: ${b.agreement.title}`)] : []),
    ...violationBlocks(b),
    ...(others.length ? [heading(2, 'Other events'), list(others)] : []),
    ...undatedBlocks(b),
    ...activityBlocks(b),
    ...commitmentBlocks(b),
    ...statementBlocks(b),
    heading(2, 'Audit'),
    paragraph(
      `Made at audit entry ${b.auditHead.seq}, audit head ${b.auditHead.hash}. ` +
        'Anyone can check that this bulletin was not altered: the web app\'s page "How to check a bulletin" (#/bulletins/verify) explains how, step by step.',
    ),
    ...checkpointBlocks(b),
  ];
}
