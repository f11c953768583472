import * as L from 'leaflet';
import { createBaseMap } from '../map/basemap.js';
import { h } from '../ui/dom.js';
import type { DuplicateSuggestion, SuggestionSide } from './duplicate-types.js';

/** The two sides' colours, as the side headings name them. */
const SIDES = [
  { label: 'Newer', colour: '#1d4ed8', pick: (s: DuplicateSuggestion) => s.incident },
  { label: 'Older', colour: '#b54708', pick: (s: DuplicateSuggestion) => s.candidate },
] as const;

/** A point, or an area's centre, drawn wider: where an outlet named only a region or country. */
const isArea = (side: SuggestionSide) =>
  side.incident.geoPrecision === 'region' ||
  side.incident.geoPrecision === 'country' ||
  side.incident.geoPrecision === 'district';

const hasPoint = (side: SuggestionSide) => side.incident.lat !== null && side.incident.lon !== null;

/**
 * The box the card keeps for its small map, with a line saying which side has no place to map.
 * The map itself is drawn once the card is on the page (`drawPairMap`): Leaflet needs its size.
 */
export function pairMapBox(s: DuplicateSuggestion): HTMLElement {
  const unmapped = SIDES.filter((side) => !hasPoint(side.pick(s))).map((side) => side.label);
  return h(
    'figure',
    { class: 'pair-map' },
    unmapped.length === SIDES.length ? null : h('div', { class: 'map small', 'data-pair-map': String(s.id) }),
    h(
      'figcaption',
      {},
      unmapped.length === 0
        ? 'Both places: blue the newer incident, orange the older; a wide ring is an area’s centre.'
        : unmapped.length === SIDES.length
          ? 'Neither incident has a place to map.'
          : `${unmapped.join(' and ')} incident has no place to map.`,
    ),
  );
}

/** Draws both incidents' places on the small map in `box`, framed to show both. */
export function drawPairMap(box: HTMLElement, s: DuplicateSuggestion): L.Map {
  const map = createBaseMap(
    box,
    `Map of incidents #${s.incident.incident.id} and #${s.candidate.incident.id}`,
  );
  const markers: L.Layer[] = [];
  for (const side of SIDES) {
    const x = side.pick(s);
    const { lat, lon, id, placeName } = x.incident;
    if (lat === null || lon === null) continue;
    const area = isArea(x);
    const marker = L.circleMarker([lat, lon], {
      radius: area ? 14 : 7,
      color: side.colour,
      weight: 2,
      dashArray: area ? '4 3' : undefined,
      fillOpacity: area ? 0.15 : 0.8,
    }).bindTooltip(h('span', {}, `${side.label} #${id}: ${placeName ?? 'unnamed place'}`));
    markers.push(marker);
  }
  const group = L.featureGroup(markers).addTo(map);
  if (markers.length > 0) map.fitBounds(group.getBounds().pad(0.5), { maxZoom: 10 });
  return map;
}
