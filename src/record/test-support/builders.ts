import type { IncidentInput } from '../schemas.js';

let counter = 0;

/** An incident input with sensible defaults; override what the test is about. */
export function buildIncident(overrides: Partial<IncidentInput> = {}): IncidentInput {
  counter += 1;
  return {
    kind: 'shelling',
    title: `Shelling reported near the line of contact (${counter})`,
    dateStart: '2020-11-20',
    dateEnd: '2020-11-20',
    datePrecision: 'day',
    placeName: 'Aghdam',
    country: 'AZ',
    lat: 39.99,
    lon: 46.93,
    geoPrecision: 'near',
    actor1: 'Military Forces of Armenia',
    actor2: 'Military Forces of Azerbaijan',
    ...overrides,
  };
}
