/** Types of scripts/admin1.mjs (the build's admin-1 boundaries), for its tests. */
type Line = number[][];
interface Geometry {
  type: string;
  coordinates: unknown;
}
export declare const TOLERANCE: number;
export declare function toleranceOf(lines: readonly Line[]): number;
export declare function packCountries(packsDir?: string): string[];
export declare function simplifyLine(points: readonly Line[number][], tolerance?: number): Line;
export declare function regionLines(geometry: Geometry, tolerance?: number): Line[];
export declare function countryAdmin1(
  country: string,
  regionsDir?: string,
): {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { code: string };
    geometry: { type: 'MultiLineString'; coordinates: Line[] };
  }[];
} | null;
