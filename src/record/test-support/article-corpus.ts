/**
 * Generated news pages for the ingest bench and the two-worker test: events of the shipped
 * theatres' conflicts (their places and parties read from the packs at run time, nothing named
 * here), each told by several outlets in different words, wrapped in the furniture of a news site
 * (navigation, boilerplate paragraphs, related links) as feeds deliver them. Deterministic per seed.
 */
import { readPack, shippedPackNames } from '../../theatre/pack-io.js';
import { random } from './random.js';

/** One event of the corpus and the files that tell it. */
export interface CorpusEvent {
  readonly id: number;
  readonly conflict: string;
  readonly place: string;
  readonly kind: EventKind;
  readonly day: string;
  readonly killed: number;
  readonly articles: string[];
}

export interface CorpusArticle {
  /** Zero-padded so a sorted folder walk meets the articles in arrival order. */
  readonly file: string;
  readonly html: string;
  readonly event: number;
  readonly outlet: string;
}

export interface Corpus {
  readonly events: readonly CorpusEvent[];
  readonly articles: readonly CorpusArticle[];
}

export interface CorpusOptions {
  readonly articles: number;
  readonly seed?: number;
  /** Events per day across all conflicts (a large war: dozens). */
  readonly eventsPerDay?: number;
  /** First day of the record. */
  readonly start?: string;
  /** Each event in its own place, never two in one place (tests that know every cluster). */
  readonly distinctPlaces?: boolean;
  /** Only these kinds of event (default: all). */
  readonly kinds?: readonly EventKind[];
  /** Reports per event: exactly this many (default: one to four). */
  readonly tellers?: number;
  /**
   * `interleaved` (default): the pages of a few days mixed; `round-robin`: every event's first
   * report, then every event's second…, so the reports of one event are far apart in a queue.
   */
  readonly order?: 'interleaved' | 'round-robin';
}

export type EventKind = 'shelling' | 'drone' | 'sniper' | 'detention' | 'protest';
const KINDS: readonly EventKind[] = ['shelling', 'shelling', 'drone', 'sniper', 'detention', 'protest'];

interface Conflict {
  readonly name: string;
  readonly places: readonly string[];
  /** How outlets name the armed sides ("X forces"). */
  readonly sides: readonly string[];
  readonly capital: string;
}

/** The conflicts of the shipped packs: their settlements and the parties' usual names. */
export function conflictsOfPacks(): Conflict[] {
  const out: Conflict[] = [];
  for (const name of shippedPackNames()) {
    const { pack } = readPack(name);
    const places = pack.places
      .filter((p) => p.kind === 'settlement' && p.lat !== null && p.lat !== undefined)
      .map((p) => p.names[0] ?? p.name);
    const sides = pack.parties
      .map((p) => p.aliases.find((a) => / forces$/.test(a)))
      .filter((a): a is string => a !== undefined);
    if (places.length < 3 || sides.length < 2) continue;
    out.push({ name, places, sides, capital: places[0] as string });
  }
  if (out.length === 0) throw new Error('no shipped theatre pack has settlements and two parties');
  return out;
}

const OUTLETS = [
  { slug: 'frontline-wire', name: 'Frontline Wire', style: 'wire' },
  { slug: 'regional-monitor', name: 'The Regional Monitor', style: 'feature' },
  { slug: 'evening-courier', name: 'Evening Courier', style: 'brief' },
  { slug: 'borderland-news', name: 'Borderland News', style: 'wire' },
  { slug: 'daily-ledger', name: 'The Daily Ledger', style: 'feature' },
  { slug: 'civic-radio', name: 'Civic Radio Online', style: 'brief' },
] as const;

const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const shiftDay = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const spoken = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;
const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Builds `options.articles` pages: events spread over days at `eventsPerDay`, each told by one to
 * four outlets (published the same day or the next), the pages of a few days interleaved.
 *
 * @example generateCorpus({ articles: 300 }).articles[0].file // '000001-frontline-wire.html'
 */
export function generateCorpus(options: CorpusOptions): Corpus {
  const next = random(options.seed ?? 20);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const conflicts = conflictsOfPacks();
  const perDay = options.eventsPerDay ?? 24;
  const start = options.start ?? '2021-01-04';
  const events: CorpusEvent[] = [];
  const pending: {
    event: CorpusEvent;
    outlet: (typeof OUTLETS)[number];
    published: string;
    order: number;
  }[] = [];
  const used = new Set<string>();
  let total = 0;
  for (let id = 0; total < options.articles; id += 1) {
    let conflict = conflicts[id % conflicts.length] as Conflict;
    let place = pick(conflict.places);
    if (options.distinctPlaces) {
      const free = conflicts
        .flatMap((c) => c.places.map((p) => [c, p] as const))
        .filter(([, p]) => !used.has(p));
      const chosen = free[id % Math.max(1, free.length)];
      if (!chosen) throw new Error('distinctPlaces: more events than the packs have places');
      [conflict, place] = chosen;
      used.add(place);
    }
    const day = shiftDay(start, Math.floor(id / perDay));
    const killed = 1 + Math.floor(next() * 6);
    events.push({
      id,
      conflict: conflict.name,
      place,
      kind: pick(options.kinds ?? KINDS),
      day,
      killed,
      articles: [],
    });
    const event = events[events.length - 1] as CorpusEvent;
    const tellers = Math.min(options.articles - total, options.tellers ?? 1 + Math.floor(next() * 4));
    const outlets = [...OUTLETS].sort(() => next() - 0.5).slice(0, tellers);
    for (const [rank, outlet] of outlets.entries()) {
      const published = shiftDay(day, next() < 0.6 ? 0 : 1);
      const order = options.order === 'round-robin' ? rank * 1e9 + id : id + next() * perDay * 2;
      pending.push({ event, outlet, published, order });
      total += 1;
    }
  }
  pending.sort((a, b) => a.order - b.order);
  const articles = pending.map((p, index) => {
    const file = `${String(index + 1).padStart(6, '0')}-${p.outlet.slug}.html`;
    p.event.articles.push(file);
    const conflict = conflicts.find((c) => c.name === p.event.conflict) as Conflict;
    return {
      file,
      event: p.event.id,
      outlet: p.outlet.name,
      html: page(next, { ...p, conflict, index }),
    };
  });
  return { events, articles };
}

interface PageInput {
  readonly event: CorpusEvent;
  readonly outlet: (typeof OUTLETS)[number];
  readonly published: string;
  readonly conflict: Conflict;
  readonly index: number;
}

function page(next: () => number, input: PageInput): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const { event, outlet, conflict, published } = input;
  const [blamed, other] = [...conflict.sides].sort(() => next() - 0.5) as [string, string];
  const n = NUMBERS[event.killed - 1] ?? String(event.killed);
  const when =
    event.day === published
      ? pick(['on ' + spoken(event.day), 'earlier on ' + spoken(event.day)])
      : `on ${spoken(event.day)}`;
  const at = pick(['near', 'in', 'on the outskirts of']);
  const lead: Record<EventKind, () => string> = {
    shelling: () =>
      pick([
        `${cap(n)} civilians were killed ${when} when artillery shells struck homes ${at} ${event.place}, local officials said.`,
        `Shelling ${at} ${event.place} ${when} killed ${n} people and damaged a school, according to the regional administration.`,
        `Artillery fire hit ${event.place} ${when}, killing ${n} residents, emergency services said.`,
      ]),
    drone: () =>
      pick([
        `A drone strike ${at} ${event.place} ${when} killed ${n} soldiers, the military said.`,
        `${cap(n)} servicemen died ${when} after a drone attacked their position ${at} ${event.place}, officials said.`,
      ]),
    sniper: () =>
      pick([
        `${cap(n)} soldiers were wounded by sniper fire ${at} ${event.place} ${when}, the defence ministry said.`,
      ]),
    detention: () =>
      pick([
        `${cap(n)} men were detained ${at} ${event.place} ${when}, relatives said.`,
        `Security forces detained ${n} residents of ${event.place} ${when}, a rights group said.`,
      ]),
    protest: () =>
      pick([
        `Hundreds of people protested in ${event.place} ${when}, demanding that the ceasefire be respected.`,
        `Residents of ${event.place} rallied ${when} to demand the return of detained relatives.`,
      ]),
  };
  const blame = pick([
    `Officials blamed ${blamed} for the attack, which they called a breach of the ceasefire. ${cap(other)} denied firing.`,
    `${cap(blamed)} were accused of violating the truce; a spokesman for ${other} said the claims would be examined.`,
    `Neither side commented on the incident by the evening.`,
  ]);
  const quote = pick([
    `"We heard the explosions and ran to the basement," one resident told ${outlet.name}.`,
    `"The ceasefire exists only on paper," a local official said.`,
    `"We call on both sides to show restraint," a spokesperson for the monitoring mission said.`,
  ]);
  const background = pick([
    `The fighting has continued despite a ceasefire agreed last year, with both sides reporting violations almost daily.`,
    `International monitors have repeatedly called for heavy weapons to be withdrawn from the front line.`,
    `Talks on a lasting settlement have made little progress, diplomats say.`,
  ]);
  const boilerplate = pick([
    `This story has been updated with comment from officials.`,
    `Our correspondents cannot independently verify claims made by either side.`,
    `Reporting by our regional desk; editing by the night team.`,
  ]);
  const paragraphs =
    outlet.style === 'brief'
      ? [lead[event.kind](), boilerplate]
      : outlet.style === 'wire'
        ? [
            `${event.place.toUpperCase()}, ${spoken(published)} - ${lead[event.kind]()}`,
            blame,
            background,
            boilerplate,
          ]
        : [lead[event.kind](), quote, blame, background, background === boilerplate ? '' : boilerplate];
  const title = `${cap({ drone: 'drone strike', sniper: 'sniper fire' }[event.kind as string] ?? event.kind)} reported in ${event.place}`;
  const related = Array.from(
    { length: 3 },
    (_, i) => `<li><a href="/news/${input.index + i + 1}">More from the region, part ${i + 1}</a></li>`,
  ).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | ${escapeHtml(outlet.name)}</title>
<meta property="article:published_time" content="${published}T${String(6 + (input.index % 12)).padStart(2, '0')}:00:00Z">
<meta property="og:site_name" content="${escapeHtml(outlet.name)}"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1><p class="byline">By staff reporters</p>
${paragraphs
  .filter(Boolean)
  .map((p) => `<p>${escapeHtml(p)}</p>`)
  .join('\n')}
</article><aside><h2>Related</h2><ul>${related}</ul></aside></main>
<footer><p>Share this article: Facebook Twitter Email</p><p>&copy; ${escapeHtml(outlet.name)}. All rights reserved.</p></footer></body></html>
`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
