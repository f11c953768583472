/**
 * The record's closed sets are the one vocabulary (`src/vocabulary/`); this module re-exports
 * what the record's files have always imported from here. New code imports `src/vocabulary`.
 */
export {
  CASUALTY_CATEGORIES,
  DATE_PRECISIONS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  QUALIFIERS,
  ROLES,
  type AcledEventType,
  type AcledType,
  type IncidentKind,
  type IncidentStatus,
  type Role,
} from '../vocabulary/index.js';
