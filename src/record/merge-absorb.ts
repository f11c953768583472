import { PLACE_PRECISION, type PlacePrecision } from '../vocabulary/index.js';
import { dayNumber, type Claim, type ClaimPlace } from './merge-features.js';

/** Coarse to fine: a place of a later rank says more. */
const RANK: Readonly<Record<PlacePrecision, number>> = {
  country: 0,
  region: 1,
  district: 2,
  near: 3,
  exact: 4,
};
const rankOf = (p: ClaimPlace | null) => (p?.precision ? RANK[p.precision] : -1);

/** The finer of two compatible places (a village over its province over its country). */
function finerPlace(a: ClaimPlace | null, b: ClaimPlace | null): ClaimPlace | null {
  if (!a) return b;
  if (!b) return a;
  return rankOf(b) > rankOf(a) ? b : a;
}

const basisRank = { event: 2, published: 1, unknown: 0 } as const;

/**
 * The window an incident keeps: the text's date over a publication day, over nothing; among
 * stated windows, the narrower one when it lies inside the other (a multi-day account contains
 * the day another outlet names), else the first reporter's.
 */
function datesOf(a: Claim, b: Claim): Pick<Claim, 'dateStart' | 'dateEnd' | 'dateBasis'> {
  const [ra, rb] = [basisRank[a.dateBasis ?? 'event'], basisRank[b.dateBasis ?? 'event']];
  const pick = (c: Claim) => ({
    dateStart: c.dateStart,
    dateEnd: c.dateEnd,
    dateBasis: c.dateBasis ?? 'event',
  });
  if (rb !== ra) return pick(rb > ra ? b : a);
  const inside =
    dayNumber(b.dateStart) >= dayNumber(a.dateStart) && dayNumber(b.dateEnd) <= dayNumber(a.dateEnd);
  return pick(inside ? b : a);
}

/**
 * What an incident is known to claim once a report joins it: the finer place and date, the more
 * specific kind (a breach of unknown nature becomes the shelling it was), every party, the killed
 * range widened to both (outlets disagree: 9, 8, 7), and both articles. Used by ingest (folding an
 * incident's reports) and by the batch clusterer alike.
 *
 * @example absorbClaim(countryLevel, villageLevel).place?.precision // 'near'
 */
export function absorbClaim(cluster: Claim, report: Claim): Claim {
  const killed =
    cluster.killed && report.killed
      ? {
          low: Math.min(cluster.killed.low, report.killed.low),
          high: Math.max(cluster.killed.high, report.killed.high),
        }
      : (cluster.killed ?? report.killed);
  return {
    kind: cluster.kind === 'ceasefire_violation' ? report.kind : cluster.kind,
    ...datesOf(cluster, report),
    place: finerPlace(cluster.place, report.place),
    parties: [...new Set([...cluster.parties, ...report.parties])],
    killed,
    sources: [...new Set([...(cluster.sources ?? []), ...(report.sources ?? [])])],
  };
}

/** An incident's claim from its reports' claims, in the order they joined. */
export const foldClaims = (claims: readonly Claim[]): Claim | null =>
  claims.length === 0 ? null : claims.slice(1).reduce(absorbClaim, claims[0] as Claim);

export const hasPoint = (c: Claim): boolean =>
  c.place?.lat != null &&
  c.place.lon != null &&
  c.place.precision !== null &&
  PLACE_PRECISION[c.place.precision].isPoint;
