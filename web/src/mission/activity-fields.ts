import { h } from '../ui/dom.js';
import { field, showFieldError, valueOf } from '../ui/forms.js';
import type { Activity } from './mission-types.js';

/**
 * Every figure of a day's activity record as the API and the bulletin use them, with the words a
 * form shows; one list for filing a day, pre-filling it and correcting it.
 */
type Figure = Exclude<keyof Activity, 'day' | 'patrolAreas' | 'escortCorridor' | 'notes'>;

interface FigureField {
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
    'Patrols, escorts and returns',
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

const FIGURES = FIGURE_GROUPS.flatMap(([, fields]) => fields);

/** The label of any field of the record, for the corrections history. */
export function fieldLabel(name: keyof Activity): string {
  const labels: Partial<Record<keyof Activity, string>> = {
    patrolAreas: 'Areas patrolled',
    escortCorridor: 'Corridor of the escorts',
    notes: 'Notes',
  };
  return FIGURES.find((f) => f.name === name)?.label ?? labels[name] ?? name;
}

/** The record's fields, each with its label and its error next to it; `prefix` keeps ids unique. */
export function activityFields(prefix: string): HTMLElement[] {
  return [
    ...FIGURE_GROUPS.map(([legend, fields]) =>
      h(
        'fieldset',
        {},
        h('legend', {}, legend),
        ...fields.map((f) =>
          field({
            id: `${prefix}-${f.name}`,
            name: f.name,
            label: f.label,
            type: 'number',
            attrs: { min: '0', step: f.whole ? '1' : 'any', inputmode: f.whole ? 'numeric' : 'decimal' },
          }),
        ),
      ),
    ),
    field({
      id: `${prefix}-patrolAreas`,
      name: 'patrolAreas',
      label: 'Areas patrolled',
      hint: 'Separated by commas.',
    }),
    field({ id: `${prefix}-escortCorridor`, name: 'escortCorridor', label: 'Corridor of the escorts' }),
    field({ id: `${prefix}-notes`, name: 'notes', label: 'Notes', multiline: true }),
  ];
}

/** Puts a record's values into the form's fields (empty for strength not reported). */
export function fillActivity(form: HTMLFormElement, a: Activity, options: { notes: boolean }): void {
  const set = (name: string, value: string) => {
    const control = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
    if (control) control.value = value;
  };
  for (const f of FIGURES) set(f.name, a[f.name] === null ? '' : String(a[f.name]));
  set('patrolAreas', a.patrolAreas.join(', '));
  set('escortCorridor', a.escortCorridor ?? '');
  if (options.notes) set('notes', a.notes ?? '');
}

/**
 * The record's values as the API takes them, or null with each wrong field's error in words
 * next to it. Empty counts are 0 and empty strength is "not reported".
 */
export function readActivity(form: HTMLFormElement): Omit<Activity, 'day'> | null {
  const values: Record<string, number | null> = {};
  let ok = true;
  for (const f of FIGURES) {
    const raw = valueOf(form, f.name);
    const n = raw === '' ? null : Number(raw);
    const wrong =
      n === null
        ? null
        : !Number.isFinite(n) || n < 0
          ? `${f.label} must be a number, 0 or more.`
          : f.whole && !Number.isInteger(n)
            ? `${f.label} must be a whole number.`
            : null;
    if (wrong) ok = !showFieldError(form, f.name, wrong) && ok;
    values[f.name] = n === null ? (f.optional ? null : 0) : n;
  }
  if (!ok) return null;
  const text = (name: string) => valueOf(form, name) || null;
  return {
    ...(values as Record<Figure, number>),
    personnel: values.personnel ?? null,
    armouredVehicles: values.armouredVehicles ?? null,
    otherVehicles: values.otherVehicles ?? null,
    observationPosts: values.observationPosts ?? null,
    patrolAreas: valueOf(form, 'patrolAreas')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    escortCorridor: text('escortCorridor'),
    notes: text('notes'),
  };
}
