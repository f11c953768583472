import { describe, expect, it } from 'vitest';
import { INCIDENT_KIND } from '../vocabulary/index.js';
import { ACLED_SUB_EVENT_TYPES, KIND_OF_SUB_EVENT, kindOfRow } from './acled-kinds.js';

// ACLED codebook (2023+), section "Event types and sub-event types": six event types, 25
// sub-event types, written here from the codebook, not read from the app's table.
const CODEBOOK: readonly (readonly [string, string])[] = [
  ['Battles', 'Government regains territory'],
  ['Battles', 'Non-state actor overtakes territory'],
  ['Battles', 'Armed clash'],
  ['Protests', 'Excessive force against protesters'],
  ['Protests', 'Protest with intervention'],
  ['Protests', 'Peaceful protest'],
  ['Riots', 'Violent demonstration'],
  ['Riots', 'Mob violence'],
  ['Explosions/Remote violence', 'Chemical weapon'],
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Explosions/Remote violence', 'Suicide bomb'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Explosions/Remote violence', 'Grenade'],
  ['Violence against civilians', 'Sexual violence'],
  ['Violence against civilians', 'Attack'],
  ['Violence against civilians', 'Abduction/forced disappearance'],
  ['Strategic developments', 'Agreement'],
  ['Strategic developments', 'Arrests'],
  ['Strategic developments', 'Change to group/activity'],
  ['Strategic developments', 'Disrupted weapons use'],
  ['Strategic developments', 'Headquarters or base established'],
  ['Strategic developments', 'Looting/property destruction'],
  ['Strategic developments', 'Non-violent transfer of territory'],
  ['Strategic developments', 'Other'],
];

describe('ACLED sub-event types and Truce kinds', () => {
  it('lists the codebook hierarchy exactly', () => {
    const listed = Object.entries(ACLED_SUB_EVENT_TYPES).flatMap(([e, subs]) => subs.map((s) => [e, s]));
    expect([...listed].sort()).toEqual([...CODEBOOK].map((p) => [...p]).sort());
  });

  it.each(CODEBOOK)('%s / %s maps to a kind whose ACLED mapping gives it back', (eventType, sub) => {
    const kind = KIND_OF_SUB_EVENT[sub];
    expect(kind).toBeDefined();
    expect(INCIDENT_KIND[kind ?? 'other'].acled).toEqual({ event_type: eventType, sub_event_type: sub });
  });

  it('reads a disrupted weapons use as that, not as an aircraft shot down', () => {
    expect(kindOfRow('Disrupted weapons use', '')).toBe('disrupted_weapons_use');
    expect(kindOfRow('Looting/property destruction', 'local administrators')).toBe('looting');
  });

  it('lets a Truce kind tag decide over the sub-event type', () => {
    expect(kindOfRow('Armed clash', 'crowd size=no report; truce kind=ceasefire_violation')).toBe(
      'ceasefire_violation',
    );
  });
});
