import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { TruceError } from '../platform/errors.js';
import { parseIncidentFilters } from './incident-filters.js';
import { createIncident, getIncident } from './incident-store.js';
import { listIncidents } from './incident-list-store.js';
import { buildIncident } from './test-support/builders.js';

const ctx = { actor: 'user:test' };

describeEachDatabase('incident store', (t) => {
  it('stores an incident with its ACLED type and reads it back the same', async () => {
    const created = await createIncident(
      t.db,
      ctx,
      buildIncident({ kind: 'aircraft_shot_down', title: 'Helicopter downed near Yeraskh' }),
    );
    expect(created.acled).toEqual({
      eventType: 'Explosions/Remote violence',
      subEventType: 'Shelling/artillery/missile attack',
    });
    expect(created.publicId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getIncident(t.db, created.id)).toEqual(created);
  });

  it('refuses bad input naming the field and the rule, and writes nothing', async () => {
    const before = await listIncidents(t.db, {});
    const error = await createIncident(
      t.db,
      ctx,
      buildIncident({ dateStart: '2020-13-45', kind: 'picnic' as never }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TruceError);
    expect((error as TruceError).code).toBe('invalid');
    expect((error as TruceError).message).toMatch(/Kind must be one of ceasefire_violation, /);
    expect((error as TruceError).message).toMatch(/Start date must be/);
    expect((await listIncidents(t.db, {})).total).toBe(before.total);
  });

  it('stores an incident with no date as null dates of unknown precision, and refuses half a date', async () => {
    const undated = await createIncident(t.db, ctx, buildIncident({ dateStart: null, dateEnd: null }));
    expect(await getIncident(t.db, undated.id)).toMatchObject({
      dateStart: null,
      dateEnd: null,
      datePrecision: 'unknown',
    });
    const half = await createIncident(t.db, ctx, buildIncident({ dateEnd: null })).catch((e: unknown) => e);
    expect((half as TruceError).message).toMatch(/dateEnd: must be null exactly when the other date is/);
  });

  it('filters by kind, date overlap and bounding box, newest first, with pages', async () => {
    await createIncident(
      t.db,
      ctx,
      buildIncident({
        kind: 'riot',
        title: 'Yerevan riot',
        dateStart: '2020-11-10',
        dateEnd: '2020-11-10',
        lat: 40.18,
        lon: 44.51,
      }),
    );
    await createIncident(
      t.db,
      ctx,
      buildIncident({
        kind: 'protest',
        title: 'Baku rally',
        dateStart: '2020-11-11',
        dateEnd: '2020-11-11',
        lat: 40.41,
        lon: 49.87,
      }),
    );
    await createIncident(
      t.db,
      ctx,
      buildIncident({
        kind: 'riot',
        title: 'Old riot',
        dateStart: '2019-01-01',
        dateEnd: '2019-01-01',
        lat: 40.18,
        lon: 44.51,
      }),
    );
    const riots = await listIncidents(t.db, { kind: ['riot'], from: '2020-11-01', to: '2020-11-30' });
    expect(riots.items.map((i) => i.title)).toEqual(['Yerevan riot']);
    const inArmenia = await listIncidents(t.db, { bbox: [43.4, 38.8, 46.7, 41.3], from: '2020-11-01' });
    expect(inArmenia.items.map((i) => i.title)).toContain('Yerevan riot');
    expect(inArmenia.items.map((i) => i.title)).not.toContain('Baku rally');
    const firstPage = await listIncidents(t.db, { limit: 1 });
    const secondPage = await listIncidents(t.db, { limit: 1, offset: 1 });
    expect((firstPage.items[0]?.dateStart ?? '') >= (secondPage.items[0]?.dateStart ?? '')).toBe(true);
    expect(firstPage.total).toBe(secondPage.total);
  });

  it('stores the parties an incident names as codes, and filters by code or name, never by substring', async () => {
    const both = await createIncident(
      t.db,
      ctx,
      buildIncident({
        actor1: 'Sudanese Armed Forces',
        actor2: 'South Sudanese army',
        placeName: 'Abyei 50%',
      }),
    );
    const south = await createIncident(
      t.db,
      ctx,
      buildIncident({ actor1: 'South Sudan army', actor2: null }),
    );
    const parties = await t.db
      .selectFrom('incident_parties')
      .select(['incident_id', 'party'])
      .where('incident_id', 'in', [both.id, south.id])
      .orderBy('id')
      .execute();
    expect(parties).toEqual([
      { incident_id: both.id, party: 'SD' },
      { incident_id: both.id, party: 'SS' },
      { incident_id: south.id, party: 'SS' },
    ]);
    const ids = async (filters: Parameters<typeof parseIncidentFilters>[0]) =>
      (await listIncidents(t.db, parseIncidentFilters(filters))).items.map((i) => i.id).sort();
    const only = (name: string, value: string) => (n: string) => (n === name ? [value] : undefined);
    expect(await ids(only('party', 'SD'))).toEqual([both.id]);
    expect(await ids(only('party', 'Sudan'))).toEqual([both.id]);
    expect(await ids(only('party', 'ss'))).toEqual([both.id, south.id].sort());
    expect(() => parseIncidentFilters(only('party', '%'))).toThrow(/party: must be a party code or name/);
    expect(await ids(only('place', '50%'))).toEqual([both.id]);
    expect(await ids(only('place', '_'))).toEqual([]);
  });

  it('answers not_found for an unknown id', async () => {
    await expect(getIncident(t.db, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });
});
