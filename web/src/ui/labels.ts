import { words } from './dom.js';
import { INCIDENT_KIND_LABELS } from './vocabulary.js';

/**
 * An incident kind as people read it: the vocabulary's label (`shelling` → "Shelling").
 *
 * @example kindLabel('air_strike') // 'Air strike'
 */
export function kindLabel(kind: string): string {
  return (INCIDENT_KIND_LABELS as Readonly<Record<string, string>>)[kind] ?? words(kind);
}
