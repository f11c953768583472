import type { Bulletin, BulletinDay, BulletinIndexPage } from '../../../src/agreement/bulletin.js';
import { ApiError, apiUrl, getJson } from '../api-client.js';
import { preloadedPage } from '../agreement/fields.js';
import { hrefOf, navigate, type Location } from '../router.js';
import { BulletinSections } from './bulletin-sections.js';

/**
 * The bulletins: a day's bulletin drawn as sections from its JSON (never the server's HTML), the
 * days that have content with the previous and next of them, downloads (PDF among them) and print.
 * Without a date in the URL it opens on the latest day with content.
 */

interface Loaded {
  readonly date: string;
  readonly bulletin: Bulletin | null;
  readonly days: readonly BulletinDay[];
  readonly previous: string | null;
  readonly next: string | null;
}

const DAYS_LISTED = 366;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const dayHref = (date: string) => hrefOf('/bulletins', new URLSearchParams({ date }));

/** "Friday 20 November 2020": the day in words, read as a calendar day (UTC). */
function longDay(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return at.toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** What a day holds, in a few words. */
function holds(day: BulletinDay): string {
  const parts = [
    day.violations ? `${day.violations} violation${day.violations === 1 ? '' : 's'}` : '',
    day.incidents - day.violations ? `${day.incidents - day.violations} other` : '',
    day.undated ? `${day.undated} undated` : '',
    day.statements ? `${day.statements} statement${day.statements === 1 ? '' : 's'}` : '',
    day.activity ? 'activity' : '',
  ].filter(Boolean);
  return parts.join(', ');
}

async function load(location: Location): Promise<Loaded> {
  const asked = location.query.get('date');
  const index = await getJson<BulletinIndexPage>('/bulletins', { limit: DAYS_LISTED });
  const date = asked && ISO_DAY.test(asked) ? asked : (index.days[0]?.date ?? null);
  if (date === null) return { date: '', bulletin: null, days: [], previous: null, next: null };
  const [bulletin, before, after] = await Promise.all([
    getJson<Bulletin>(`/bulletins/${date}`).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
    getJson<BulletinIndexPage>('/bulletins', { before: date, limit: 1 }),
    getJson<BulletinIndexPage>('/bulletins', { after: date, limit: 1 }),
  ]);
  return {
    date,
    bulletin,
    days: index.days,
    previous: before.days[0]?.date ?? null,
    next: after.days[0]?.date ?? null,
  };
}

function DayLinks({ previous, next }: { readonly previous: string | null; readonly next: string | null }) {
  return (
    <nav class="bulletin-steps no-print" aria-label="Previous and next day">
      {previous ? (
        <a href={dayHref(previous)} rel="prev">
          {`← Previous day: ${previous}`}
        </a>
      ) : (
        <span class="hint">No earlier day</span>
      )}
      {next ? (
        <a href={dayHref(next)} rel="next">
          {`Next day: ${next} →`}
        </a>
      ) : (
        <span class="hint">No later day</span>
      )}
    </nav>
  );
}

function DayPicker({ date, days }: { readonly date: string; readonly days: readonly BulletinDay[] }) {
  const listed = days.some((d) => d.date === date);
  return (
    <form class="bulletin-picker no-print" onSubmit={(event) => event.preventDefault()}>
      <label for="bulletin-day">Go to a day</label>
      <select
        id="bulletin-day"
        value={date}
        onChange={(event) =>
          navigate('/bulletins', new URLSearchParams({ date: (event.target as HTMLSelectElement).value }))
        }
      >
        {listed ? null : <option value={date}>{`${date} (nothing recorded)`}</option>}
        {days.map((d) => (
          <option key={d.date} value={d.date}>{`${d.date} — ${holds(d)}`}</option>
        ))}
      </select>
    </form>
  );
}

function DayIndex({ date, days }: { readonly date: string; readonly days: readonly BulletinDay[] }) {
  return (
    <nav class="bulletin-index no-print" aria-labelledby="bulletin-index-heading">
      <h2 id="bulletin-index-heading">Days with a bulletin</h2>
      <ul>
        {days.map((d) => (
          <li key={d.date}>
            <a href={dayHref(d.date)} aria-current={d.date === date ? 'page' : undefined}>
              {d.date}
            </a>
            <span class="hint">{holds(d)}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Downloads({ date }: { readonly date: string }) {
  const link = (format: string) => apiUrl(`/bulletins/${date}`, { format });
  return (
    <p class="downloads no-print">
      {'Download: '}
      <a href={link('pdf')} download={`bulletin-${date}.pdf`}>
        PDF
      </a>
      {' · '}
      <a href={link('json')}>JSON</a>
      {' · '}
      <a href={link('md')}>Markdown</a>
      {' · '}
      <button type="button" onClick={() => window.print()}>
        Print
      </button>
    </p>
  );
}

function BulletinView({ initial }: { readonly location: Location; readonly initial: Loaded }) {
  const { date, bulletin, days, previous, next } = initial;
  if (date === '')
    return (
      <>
        <h1>Bulletins</h1>
        <p role="status">Nothing has been recorded yet, so there is no bulletin to read.</p>
      </>
    );
  return (
    <div class="bulletin-page">
      <h1>{bulletin?.title ?? `Bulletin of ${date}`}</h1>
      <p class="bulletin-day">{longDay(date)}</p>
      <DayLinks previous={previous} next={next} />
      <DayPicker date={date} days={days} />
      <Downloads date={date} />
      <div class="bulletin-layout">
        <article class="bulletin" aria-label={`Bulletin of ${date}`}>
          {bulletin ? (
            <BulletinSections bulletin={bulletin} />
          ) : (
            <p role="status">{`No bulletin for ${date}.`}</p>
          )}
        </article>
        <DayIndex date={date} days={days} />
      </div>
    </div>
  );
}

export const bulletinPage = preloadedPage('Bulletins', load, BulletinView);
