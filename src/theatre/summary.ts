import type { TheatrePack } from './schema.js';

/** What `truce theatre list` and `show` print about one pack. */
export interface PackSummary {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly countries: readonly string[];
  readonly parties: readonly { readonly code: string; readonly name: string; readonly alignment?: string }[];
  /** Actors per kind ("person": 12). */
  readonly actors: Readonly<Record<string, number>>;
  /** Places per kind ("settlement": 30). */
  readonly places: Readonly<Record<string, number>>;
  readonly agreements: number;
  readonly missions: number;
  readonly sources: readonly string[];
}

/**
 * A pack in numbers, for people: its parties, and how many actors and places of each kind.
 *
 * @example summarizePack(pack).actors.person // 12
 */
export function summarizePack(pack: TheatrePack): PackSummary {
  return {
    name: pack.name,
    title: pack.title,
    description: pack.description ?? '',
    countries: pack.countries,
    parties: pack.parties.map((p) => ({
      code: p.code,
      name: p.name,
      ...(p.alignment ? { alignment: p.alignment } : {}),
    })),
    actors: countBy(pack.actors.map((a) => a.kind)),
    places: countBy(pack.places.map((p) => p.kind)),
    agreements: pack.agreements.length,
    missions: pack.missions.length,
    sources: pack.sources,
  };
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/**
 * The summary as lines of text.
 *
 * @example summaryLines(summarizePack(pack))[0] // 'my-conflict — My conflict (2024 ceasefire)'
 */
export function summaryLines(s: PackSummary): string[] {
  const counts = (r: Readonly<Record<string, number>>) =>
    Object.entries(r)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ') || 'none';
  return [
    `${s.name} — ${s.title}`,
    ...(s.description ? [`  ${s.description}`] : []),
    `  countries: ${s.countries.join(', ') || 'none'}`,
    `  parties: ${s.parties.map((p) => `${p.code} ${p.name}${p.alignment ? ` (aligned with ${p.alignment})` : ''}`).join('; ') || 'none'}`,
    `  actors: ${counts(s.actors)}`,
    `  places: ${counts(s.places)}`,
    `  agreements: ${s.agreements}, missions: ${s.missions}`,
    ...s.sources.map((src) => `  source: ${src}`),
  ];
}
