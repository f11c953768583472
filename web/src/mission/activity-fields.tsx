import { Field, type Errors } from '../agreement/fields.js';
import type { Activity } from '../agreement/server-types.js';
import { FIGURE_GROUPS, FIGURES } from './activity-labels.js';

/** The form's values of a day's record, as typed (text), by field name. */
export type ActivityValues = Readonly<Record<string, string>>;

/** Every field of the record, grouped, each with its label and its error in words next to it. */
export function ActivityFields(p: {
  readonly prefix: string;
  readonly values: ActivityValues;
  readonly errors: Errors;
  readonly set: (name: string, value: string) => void;
}) {
  const text = (name: string, label: string, extra: { hint?: string; multiline?: boolean } = {}) => (
    <Field
      id={`${p.prefix}-${name}`}
      name={name}
      label={label}
      value={p.values[name] ?? ''}
      error={p.errors[name]}
      onInput={(v) => p.set(name, v)}
      {...extra}
    />
  );
  return (
    <>
      {FIGURE_GROUPS.map(([legend, fields]) => (
        <fieldset key={legend}>
          <legend>{legend}</legend>
          {fields.map((f) => (
            <Field
              key={f.name}
              id={`${p.prefix}-${f.name}`}
              name={f.name}
              label={f.label}
              type="number"
              min="0"
              step={f.whole ? '1' : 'any'}
              inputMode={f.whole ? 'numeric' : 'decimal'}
              value={p.values[f.name] ?? ''}
              error={p.errors[f.name]}
              onInput={(v) => p.set(f.name, v)}
            />
          ))}
        </fieldset>
      ))}
      {text('patrolAreas', 'Areas patrolled', { hint: 'Separated by commas.' })}
      {text('escortCorridor', 'Corridor of the escorts')}
      {text('notes', 'Notes', { multiline: true })}
    </>
  );
}

/** A record's values as the form shows them (strength not reported is empty); notes only when asked. */
export function valuesOf(a: Activity, options: { readonly notes: boolean }): ActivityValues {
  const values: Record<string, string> = {};
  for (const f of FIGURES) values[f.name] = a[f.name] === null ? '' : String(a[f.name]);
  values.patrolAreas = a.patrolAreas.join(', ');
  values.escortCorridor = a.escortCorridor ?? '';
  values.notes = options.notes ? (a.notes ?? '') : '';
  return values;
}

type Figures = Omit<Activity, 'day' | 'sources'>;

/**
 * The record's values as the API takes them, or the errors in words by field. Empty counts are
 * 0 and empty strength is "not reported".
 */
export function readActivity(values: ActivityValues): { figures: Figures } | { errors: Errors } {
  const errors: Record<string, string> = {};
  const numbers: Record<string, number | null> = {};
  for (const f of FIGURES) {
    const raw = (values[f.name] ?? '').trim();
    const n = raw === '' ? null : Number(raw);
    if (n !== null && (!Number.isFinite(n) || n < 0))
      errors[f.name] = `${f.label} must be a number, 0 or more.`;
    else if (n !== null && f.whole && !Number.isInteger(n))
      errors[f.name] = `${f.label} must be a whole number.`;
    numbers[f.name] = n === null ? (f.optional ? null : 0) : n;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const text = (name: string) => (values[name] ?? '').trim() || null;
  const figures = Object.fromEntries(FIGURES.map((f) => [f.name, numbers[f.name] ?? null]));
  return {
    figures: {
      ...(figures as Pick<Figures, (typeof FIGURES)[number]['name']>),
      patrolAreas: (values.patrolAreas ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      escortCorridor: text('escortCorridor'),
      notes: text('notes'),
    },
  };
}
