import type { Db } from '../../platform/db/dialect.js';
import { createIncident } from '../../record/incident-store.js';
import type { Incident } from '../../record/schemas.js';
import { buildIncident } from '../../record/test-support/builders.js';

const ctx = { actor: 'analyst:exchange-test' };

/** A small record exercising what the export formats must get right, written through the store. */
export async function seedExchangeIncidents(db: Db): Promise<Record<string, Incident>> {
  const war = await createIncident(db, ctx, {
    ...buildIncident({ kind: 'armed_clash', title: 'Losses of the war', status: 'confirmed' }),
    placeName: 'Stepanakert / Khankendi',
    geoPrecision: 'region',
    casualties: [{ category: 'killed', low: 1400, best: 1400, high: null, qualifier: 'more_than' }],
  });
  const protest = await createIncident(db, ctx, {
    ...buildIncident({
      kind: 'protest',
      title: 'Rally in Yerevan, "against the deal"',
      status: 'confirmed',
      country: 'AM',
      placeName: 'Yerevan',
      lat: 40.1811,
      lon: 44.5136,
      geoPrecision: 'exact',
      actor1: 'Protesters (Armenia)',
      actor2: null,
    }),
    casualties: [
      { category: 'injured', low: 12, best: 12, high: 12, qualifier: 'exact' },
      { category: 'killed', low: null, best: null, high: null, qualifier: 'dozens' },
    ],
  });
  const injuredOnly = await createIncident(db, ctx, {
    ...buildIncident({ kind: 'shelling', status: 'confirmed', summary: '=cmd|calc, quoted; "text"' }),
    casualties: [{ category: 'injured', low: 3, best: 3, high: 3, qualifier: 'exact' }],
  });
  const helicopter = await createIncident(db, ctx, {
    ...buildIncident({
      kind: 'aircraft_shot_down',
      status: 'confirmed',
      placeName: 'Yeraskh',
      country: 'AM',
      lat: 39.76,
      lon: 44.79,
      actor1: 'Military Forces of Azerbaijan',
      actor2: 'Military Forces of Russia',
      dateStart: '2020-11-09',
      dateEnd: '2020-11-11',
      datePrecision: 'week',
    }),
    casualties: [
      { category: 'killed', population: 'Russia', low: 2, best: 2, high: 2, qualifier: 'exact' },
      { category: 'killed', population: 'civilians', low: 1, best: 1, high: 3, qualifier: 'between' },
      { category: 'injured', population: 'Russia', low: 1, best: 1, high: 1, qualifier: 'exact' },
    ],
  });
  const unplaced = await createIncident(
    db,
    ctx,
    buildIncident({
      kind: 'ceasefire_violation',
      status: 'candidate',
      lat: null,
      lon: null,
      placeName: null,
    }),
  );
  return { war, protest, injuredOnly, helicopter, unplaced };
}
