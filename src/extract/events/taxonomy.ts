import { ACLED_TYPE, INCIDENT_KINDS, type AcledType, type IncidentKind } from '../../record/taxonomy.js';

/** The event kinds are the record's incident kinds, with the record's total ACLED mapping: one taxonomy. */
export const EVENT_KINDS = INCIDENT_KINDS;
export type EventKind = IncidentKind;
export type AcledCode = AcledType;
export const ACLED = ACLED_TYPE;

/** Kinds that happen once per article: every mention is the same event whatever place it names. */
export const ONE_OFF_KINDS: ReadonlySet<EventKind> = new Set(['agreement', 'deployment']);
