/**
 * Where the incidents of one spot go when it is fanned out: pixel offsets from the spot, on a
 * circle when they are few, on a spiral when a circle would grow too wide. The same geometry as
 * leaflet.markercluster's spiderfier (which only works on its own client-side clusters, not on
 * our server's), written out so it can be tested alone.
 */
export interface Offset {
  readonly x: number;
  readonly y: number;
}

/** Up to this many go on a circle; more go on a spiral. */
export const CIRCLE_MAX = 8;
/** The distance (px) between neighbours' centres: markers are 20 px across. */
export const FAN_SPACING = 30;

/**
 * The offsets of `count` markers around a spot, in order, the first at the top.
 *
 * @example fanLayout(2) // [{ x: 0, y: -30 }, { x: 0, y: 30 }]
 */
export function fanLayout(count: number, spacing: number = FAN_SPACING): Offset[] {
  if (count <= 0) return [];
  return count <= CIRCLE_MAX ? circle(count, spacing) : spiral(count, spacing);
}

function circle(count: number, spacing: number): Offset[] {
  // The circumference leaves room for two more than are on it, so two never touch; never
  // nearer the spot than one spacing, so none covers the spot's own marker.
  const radius = Math.max(spacing, (spacing * (2 + count)) / (2 * Math.PI));
  const step = (2 * Math.PI) / count;
  return Array.from({ length: count }, (_, i) => polar(radius, -Math.PI / 2 + i * step));
}

function spiral(count: number, spacing: number): Offset[] {
  const out: Offset[] = [];
  let radius = spacing * 1.2;
  let angle = 0;
  for (let i = 0; i < count; i++) {
    // Each step walks one spacing along the arc; the radius grows a turn's worth of spacing.
    angle += spacing / radius;
    out.push(polar(radius, angle - Math.PI / 2));
    radius += ((spacing * 1.05) / (2 * Math.PI)) * (spacing / radius);
  }
  return out;
}

const round = (v: number) => Math.round(v * 10) / 10 + 0;

function polar(radius: number, angle: number): Offset {
  return { x: round(radius * Math.cos(angle)), y: round(radius * Math.sin(angle)) };
}
