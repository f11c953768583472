/** vt-pbf ships no types: the one function the test archives use. */
declare module 'vt-pbf' {
  /** Encodes geojson-vt tiles, one per layer name, as one MVT tile. */
  export function fromGeojsonVt(
    layers: Readonly<Record<string, { readonly features: readonly unknown[] }>>,
    options?: { readonly version?: number; readonly extent?: number },
  ): Uint8Array;
}
