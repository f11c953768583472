import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import { activeTheatre } from '../theatre/active.js';
import type { Theatre } from '../theatre/theatre.js';
import { checkUndated } from './incident-store.js';
import { partyCodeOf } from './parties.js';
import { IncidentQuery, type ParsedIncidentQuery } from './schemas.js';

/**
 * Parses raw filter strings (from a URL query or CLI flags) into an incident query: comma lists
 * split, the box split into four numbers, everything then checked by the schema; a party (a code
 * or a name, "KE" or "Kenya") becomes the theatre's code, and one that names no party is refused.
 *
 * @example parseIncidentFilters((n) => url.searchParams.getAll(n)) // ?kind=shelling,riot&bbox=44,39,48,41
 */
export function parseIncidentFilters(
  read: (name: string) => readonly string[] | undefined,
  theatre: Theatre = activeTheatre(),
): ParsedIncidentQuery {
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
    limit: one('limit'),
    offset: one('offset'),
  };
  const parsed = checkUndated(parseInput(IncidentQuery, raw, 'query'));
  if (parsed.party === undefined) return parsed;
  const code = partyCodeOf(theatre, parsed.party);
  if (!code)
    throw invalid(
      'party',
      `must be a party code or name of the theatre; "${parsed.party.slice(0, 80)}" is none`,
    );
  return { ...parsed, party: code };
}
