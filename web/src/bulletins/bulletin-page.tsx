import type { Bulletin, BulletinDay, BulletinIndexPage } from '../../../src/agreement/bulletin.js';
import { ApiError, apiUrl, getJson } from '../api-client.js';
import { preloadedPage } from '../agreement/fields.js';
import { formatDay, language, t } from '../i18n/i18n.js';
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

/** "Friday 20 November 2020": the day in words in the active language, read as a calendar day (UTC). */
function longDay(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  const code = language().code;
  // English keeps the day-month-year order the mission's bulletins have always used.
  return at.toLocaleDateString(code === 'en' ? 'en-GB' : code, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** What a day holds, in a few words, listed the active language's way. */
function holds(day: BulletinDay): string {
  const other = day.incidents - day.violations;
  const parts = [
    day.violations ? t('bulletin.holdsViolations', { count: day.violations }) : '',
    other ? t('bulletin.holdsOther', { count: other }) : '',
    day.undated ? t('bulletin.holdsUndated', { count: day.undated }) : '',
    day.statements ? t('bulletin.holdsStatements', { count: day.statements }) : '',
    day.activity ? t('bulletin.holdsActivity') : '',
  ].filter(Boolean);
  return new Intl.ListFormat(language().code, { style: 'short', type: 'unit' }).format(parts);
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
    <nav class="bulletin-steps no-print" aria-label={t('bulletin.steps')}>
      {previous ? (
        <a href={dayHref(previous)} rel="prev">
          {t('bulletin.previousDay', { date: formatDay(previous) })}
        </a>
      ) : (
        <span class="hint">{t('bulletin.noEarlier')}</span>
      )}
      {next ? (
        <a href={dayHref(next)} rel="next">
          {t('bulletin.nextDay', { date: formatDay(next) })}
        </a>
      ) : (
        <span class="hint">{t('bulletin.noLater')}</span>
      )}
    </nav>
  );
}

function DayPicker({ date, days }: { readonly date: string; readonly days: readonly BulletinDay[] }) {
  const listed = days.some((d) => d.date === date);
  return (
    <form class="bulletin-picker no-print" onSubmit={(event) => event.preventDefault()}>
      <label for="bulletin-day">{t('bulletin.goToDay')}</label>
      <select
        id="bulletin-day"
        value={date}
        onChange={(event) =>
          navigate('/bulletins', new URLSearchParams({ date: (event.target as HTMLSelectElement).value }))
        }
      >
        {listed ? null : <option value={date}>{t('bulletin.nothingOn', { date: formatDay(date) })}</option>}
        {days.map((d) => (
          <option key={d.date} value={d.date}>
            {t('bulletin.dayHolds', { date: formatDay(d.date), holds: holds(d) })}
          </option>
        ))}
      </select>
    </form>
  );
}

function DayIndex({ date, days }: { readonly date: string; readonly days: readonly BulletinDay[] }) {
  return (
    <nav class="bulletin-index no-print" aria-labelledby="bulletin-index-heading">
      <h2 id="bulletin-index-heading">{t('bulletin.index')}</h2>
      <ul>
        {days.map((d) => (
          <li key={d.date}>
            <a href={dayHref(d.date)} aria-current={d.date === date ? 'page' : undefined}>
              {formatDay(d.date)}
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
      {`${t('bulletin.download')} `}
      <a href={link('pdf')} download={`bulletin-${date}.pdf`}>
        PDF
      </a>
      {' · '}
      <a href={link('json')}>JSON</a>
      {' · '}
      <a href={link('md')}>{t('bulletin.markdown')}</a>
      {' · '}
      <button type="button" onClick={() => window.print()}>
        {t('bulletin.print')}
      </button>
    </p>
  );
}

/** The page's heading: the mission's bulletin for the day (the server's title is English). */
function heading(date: string, bulletin: Bulletin | null): string {
  if (!bulletin) return t('bulletin.of', { date: formatDay(date) });
  const mission = bulletin.mission?.name;
  return mission
    ? t('bulletin.heading', { mission, date: formatDay(date) })
    : t('bulletin.headingNoMission', { date: formatDay(date) });
}

function BulletinView({ initial }: { readonly location: Location; readonly initial: Loaded }) {
  const { date, bulletin, days, previous, next } = initial;
  if (date === '')
    return (
      <>
        <h1>{t('bulletin.title')}</h1>
        <p role="status">{t('bulletin.empty')}</p>
      </>
    );
  return (
    <div class="bulletin-page">
      <h1>{heading(date, bulletin)}</h1>
      <p class="bulletin-day">{longDay(date)}</p>
      <DayLinks previous={previous} next={next} />
      <DayPicker date={date} days={days} />
      <Downloads date={date} />
      <div class="bulletin-layout">
        <article class="bulletin" aria-label={t('bulletin.of', { date: formatDay(date) })}>
          {bulletin ? (
            <BulletinSections bulletin={bulletin} />
          ) : (
            <p role="status">{t('bulletin.none', { date: formatDay(date) })}</p>
          )}
        </article>
        <DayIndex date={date} days={days} />
      </div>
    </div>
  );
}

export const bulletinPage = preloadedPage(() => t('bulletin.title'), load, BulletinView);
