import type { SelectQueryBuilder } from 'kysely';
import { residualColumn, type Db } from '../platform/db/dialect.js';
import type { Database } from '../platform/db/schema.js';
import { partyCondition, placeCondition } from '../record/incident-store.js';
import type { ParsedIncidentQuery } from '../record/schemas.js';
import type { IncidentStatus } from '../record/taxonomy.js';
import type { Visibility } from '../record/visibility.js';
import { visibleIncident } from '../record/visibility-store.js';

/** The incident filters an export takes (the same as `truce incidents`, without paging), and
 * what the caller may see (everything when absent: the CLI's operator). */
export type ExportFilters = Partial<
  Pick<
    ParsedIncidentQuery,
    'kind' | 'status' | 'from' | 'to' | 'undated' | 'located' | 'bbox' | 'place' | 'party'
  >
> & { readonly visibility?: Visibility };

type IncidentQueryBuilder = SelectQueryBuilder<Database, 'incidents', object>;

/** What an export holds unless a status is asked for: merged and rejected incidents are not events. */
const DEFAULT_STATUSES: readonly IncidentStatus[] = ['candidate', 'under_review', 'confirmed', 'disputed'];

/**
 * The statuses an export may include: what was asked (or every live status), and for a public
 * caller only confirmed incidents.
 *
 * @example exportStatuses(undefined, { publicOnly: true }) // ['confirmed']
 */
export function exportStatuses(
  asked: readonly IncidentStatus[] | undefined,
  options: { publicOnly: boolean },
): IncidentStatus[] {
  const wanted = asked?.length ? [...asked] : [...DEFAULT_STATUSES];
  return options.publicOnly ? wanted.filter((s) => s === 'confirmed') : wanted;
}

/**
 * Incidents matching the filters, with the same meaning as the incident list: date ranges that
 * overlap [from, to] (an undated incident overlaps none; `undated` keeps only those, or none), with or without
 * coordinates (`located`), points inside the box, a place in any party's spelling, a party's code, and
 * only what the caller may see.
 *
 * @example filteredIncidents(db, { kind: ['shelling'] }, ['confirmed']).select('id')
 */
export function filteredIncidents(
  db: Db,
  filters: ExportFilters,
  statuses: readonly IncidentStatus[],
): IncidentQueryBuilder {
  const col = residualColumn(db);
  let base: IncidentQueryBuilder = db.selectFrom('incidents');
  base = base.where(col('status'), 'in', statuses.length > 0 ? [...statuses] : ['__none__']);
  if (filters.kind?.length) base = base.where(col('kind'), 'in', filters.kind);
  if (filters.from) base = base.where(col('date_end'), '>=', filters.from);
  if (filters.to) base = base.where(col('date_start'), '<=', filters.to);
  if (filters.undated) base = base.where(col('date_start'), filters.undated === '1' ? 'is' : 'is not', null);
  if (filters.located === 'yes')
    base = base.where(col('lat'), 'is not', null).where(col('lon'), 'is not', null);
  if (filters.located === 'no')
    base = base.where((eb) => eb.or([eb(col('lat'), 'is', null), eb(col('lon'), 'is', null)]));
  if (filters.bbox) {
    const [w, s, e, n] = filters.bbox;
    base = base
      .where(col('lon'), '>=', w)
      .where(col('lon'), '<=', e)
      .where(col('lat'), '>=', s)
      .where(col('lat'), '<=', n);
  }
  const { place, party, visibility } = filters;
  if (visibility && visibility.kind !== 'all')
    base = base.where(visibleIncident(visibility, { id: 'incidents.id', status: 'incidents.status' }));
  if (place) base = base.where((eb) => placeCondition(eb, place));
  if (party) base = base.where((eb) => partyCondition(eb, party));
  return base;
}
