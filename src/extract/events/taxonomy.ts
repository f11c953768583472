import {
  INCIDENT_KIND,
  INCIDENT_KINDS,
  kindsWhere,
  type AcledType,
  type IncidentKind,
} from '../../vocabulary/index.js';

/** The event kinds are the vocabulary's incident kinds, with its total ACLED mapping: one taxonomy. */
export const EVENT_KINDS = INCIDENT_KINDS;
export type EventKind = IncidentKind;

/**
 * The ACLED type of a kind.
 *
 * @example acledOf('shelling').event_type // 'Explosions/Remote violence'
 */
export const acledOf = (kind: IncidentKind): AcledType => INCIDENT_KIND[kind].acled;

/** Kinds that happen once per article: every mention is the same event whatever place it names. */
export const ONE_OFF_KINDS = kindsWhere((k) => k.isOncePerArticle);
