import type { Activity, ActivityField } from '../agreement/server-types.js';

/**
 * Every figure of a day's activity record as the API and the bulletin use them, grouped and
 * worded as the forms show them: one list for filing a day, pre-filling it and correcting it.
 */
export type Figure = Exclude<ActivityField, 'patrolAreas' | 'escortCorridor' | 'notes' | 'sources'>;

export interface FigureField {
  readonly name: Figure;
  readonly label: string;
  /** Whole numbers only (people, vehicles, buildings) or a measure (hectares, km, tonnes). */
  readonly whole: boolean;
  /** Left empty when not reported (strength), rather than 0. */
  readonly optional: boolean;
}

const figure = (name: Figure, label: string, whole = true, optional = false): FigureField => ({
  name,
  label,
  whole,
  optional,
});

export const FIGURE_GROUPS: readonly (readonly [string, readonly FigureField[]])[] = [
  [
    'Strength reported (leave empty if not reported)',
    [
      figure('personnel', 'Personnel', true, true),
      figure('armouredVehicles', 'Armoured vehicles', true, true),
      figure('otherVehicles', 'Other vehicles', true, true),
      figure('observationPosts', 'Observation posts', true, true),
    ],
  ],
  [
    'Patrolling, escorts and returns',
    [
      figure('patrols', 'Patrols'),
      figure('escortVehicles', 'Vehicles escorted'),
      figure('escortPeople', 'People escorted'),
      figure('returned', 'Displaced people returned'),
    ],
  ],
  [
    'Demining',
    [
      figure('deminedHectares', 'Hectares demined', false),
      figure('deminedRoadKm', 'Road demined (km)', false),
      figure('deminedBuildings', 'Buildings demined'),
      figure('explosiveItems', 'Explosive items destroyed'),
    ],
  ],
  [
    'Aid and violations',
    [
      figure('humanitarianTonnes', 'Humanitarian aid (tonnes)', false),
      figure('violationsRecorded', 'Violations recorded'),
    ],
  ],
];

export const FIGURES: readonly FigureField[] = FIGURE_GROUPS.flatMap(([, fields]) => fields);

const OTHER_LABELS: Readonly<Record<string, string>> = {
  patrolAreas: 'Areas patrolled',
  escortCorridor: 'Corridor of the escorts',
  notes: 'Notes',
  sources: 'Sources',
};

/** The label of any field of the record (or of the totals, which use the same names). */
export function fieldLabel(name: keyof Activity | string): string {
  return FIGURES.find((f) => f.name === name)?.label ?? OTHER_LABELS[name] ?? name;
}
