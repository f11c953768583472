import { z } from 'zod';
import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import { activeTheatre } from '../theatre/active.js';
import type { Theatre } from '../theatre/theatre.js';
import { PUBLISHED_STATUSES } from '../vocabulary/index.js';
import { checkLocated, checkUndated } from './incident-store.js';
import { partyCodeOf } from './parties.js';
import { IncidentQuery, type ParsedIncidentQuery } from './schemas.js';
import type { Visibility } from './visibility.js';

/** A date window runs forwards: "From" is refused when it is later than "To". */
const forwards = (q: { from?: string | undefined; to?: string | undefined }) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
const WINDOW = {
  path: ['from'],
  message: 'must not be later than To',
  params: { ruleCode: 'from_after_to' },
};

const StaffFilters = IncidentQuery.refine(forwards, WINDOW);
/** The public record holds only published statuses, so a public filter names no other. */
const PublicFilters = IncidentQuery.extend({
  status: z
    .array(
      z.enum(PUBLISHED_STATUSES, {
        error: `must be ${PUBLISHED_STATUSES.join(' or ')}: the public record holds no other status`,
      }),
    )
    .optional(),
}).refine(forwards, WINDOW);

export interface FilterOptions {
  readonly theatre?: Theatre;
  /** Who asks: the public may filter by published statuses only. Staff by default. */
  readonly visibility?: Visibility;
}

/**
 * Parses raw filter strings (from a URL query or CLI flags) into an incident query: comma lists
 * split, the box split into four numbers, everything then checked by the schema; a party (a code
 * or a name, "KE" or "Kenya") becomes the theatre's code, and one that names no party is refused;
 * "From" later than "To" is refused, and so is a status the caller can never see, and a box with
 * `located=no` (incidents with no coordinates are in no box).
 *
 * @example parseIncidentFilters((n) => url.searchParams.getAll(n)) // ?kind=shelling,riot&bbox=44,39,48,41
 */
export function parseIncidentFilters(
  read: (name: string) => readonly string[] | undefined,
  options: FilterOptions = {},
): ParsedIncidentQuery {
  const theatre = options.theatre ?? activeTheatre();
  const schema = options.visibility?.kind === 'published' ? PublicFilters : StaffFilters;
  const list = (name: string) => {
    const values = read(name)
      ?.flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    return values && values.length > 0 ? values : undefined;
  };
  const one = (name: string) => read(name)?.[0];
  const bbox = one('bbox');
  const raw = {
    kind: list('kind'),
    status: list('status'),
    from: one('from'),
    to: one('to'),
    bbox:
      bbox === undefined ? undefined : bbox.split(',').map((v) => (v.trim() === '' ? Number.NaN : Number(v))),
    place: one('place'),
    party: one('party'),
    sort: one('sort'),
    undated: one('undated'),
    located: one('located'),
    limit: one('limit'),
    offset: one('offset'),
    after: one('after'),
    before: one('before'),
  };
  const parsed = checkLocated(checkUndated(parseInput(schema, raw, 'query')));
  if (parsed.party === undefined) return parsed;
  const code = partyCodeOf(theatre, parsed.party);
  if (!code)
    throw invalid(
      'party',
      `must be a party code or name of the theatre; "${parsed.party.slice(0, 80)}" is none`,
      { ruleCode: 'unknown_party', params: { value: parsed.party.slice(0, 80) } },
    );
  return { ...parsed, party: code };
}
