import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/**
 * A small PMTiles v3 writer for tests: one root directory (no leaf directories), gzip for the
 * directory, the metadata and every tile, MVT tiles. Enough for the archives a test makes; a
 * real extract comes from the Protomaps tools. Layout and fields as in the v3 specification.
 */
export interface ArchiveTile {
  readonly z: number;
  readonly x: number;
  readonly y: number;
  /** The tile's MVT bytes, uncompressed (the writer gzips them). */
  readonly mvt: Uint8Array;
}

export interface ArchiveInput {
  readonly tiles: readonly ArchiveTile[];
  readonly metadata: Readonly<Record<string, unknown>>;
  /** West, south, east, north in degrees. */
  readonly bounds: readonly [number, number, number, number];
  /** Longitude, latitude, zoom. */
  readonly center: readonly [number, number, number];
}

const HEADER_BYTES = 127;
const GZIP = 2;
const MVT = 1;

/**
 * The archive's bytes.
 *
 * @example writeArchive({ tiles: [{ z: 0, x: 0, y: 0, mvt }], metadata: {}, bounds, center })
 */
export function writeArchive(input: ArchiveInput): Buffer {
  const tiles = input.tiles
    .map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), z: t.z, data: gzipSync(t.mvt) }))
    .sort((a, b) => a.id - b.id);
  let offset = 0;
  const entries = tiles.map((t) => {
    const entry = { tileId: t.id, offset, length: t.data.length };
    offset += t.data.length;
    return entry;
  });
  const root = gzipSync(serializeDirectory(entries));
  const metadata = gzipSync(Buffer.from(JSON.stringify(input.metadata)));
  const data = Buffer.concat(tiles.map((t) => t.data));
  const zooms = tiles.map((t) => t.z);
  const header = writeHeader({
    rootLength: root.length,
    metadataLength: metadata.length,
    dataLength: data.length,
    tileCount: tiles.length,
    minZoom: Math.min(...zooms),
    maxZoom: Math.max(...zooms),
    bounds: input.bounds,
    center: input.center,
  });
  return Buffer.concat([header, root, metadata, data]);
}

interface Entry {
  readonly tileId: number;
  readonly offset: number;
  readonly length: number;
}

/** Entries as the spec lays them out: their count, then the columns of ids, runs, lengths, offsets. */
function serializeDirectory(entries: readonly Entry[]): Buffer {
  const out: number[] = [];
  varint(out, entries.length);
  entries.forEach((e, i) => varint(out, e.tileId - (i === 0 ? 0 : (entries[i - 1]?.tileId ?? 0))));
  entries.forEach(() => varint(out, 1));
  entries.forEach((e) => varint(out, e.length));
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    // 0: right after the previous tile; otherwise the offset plus one.
    varint(out, previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return Buffer.from(out);
}

/** An unsigned LEB128 varint; arithmetic rather than bit operations, as ids pass 2^32. */
function varint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

interface HeaderInput {
  readonly rootLength: number;
  readonly metadataLength: number;
  readonly dataLength: number;
  readonly tileCount: number;
  readonly minZoom: number;
  readonly maxZoom: number;
  readonly bounds: readonly [number, number, number, number];
  readonly center: readonly [number, number, number];
}

function writeHeader(h: HeaderInput): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'latin1');
  header[7] = 3;
  const metadataOffset = HEADER_BYTES + h.rootLength;
  const dataOffset = metadataOffset + h.metadataLength;
  const u64 = [
    HEADER_BYTES,
    h.rootLength,
    metadataOffset,
    h.metadataLength,
    dataOffset,
    0, // no leaf directories
    dataOffset,
    h.dataLength,
    h.tileCount,
    h.tileCount,
    h.tileCount,
  ];
  u64.forEach((value, i) => header.writeBigUInt64LE(BigInt(value), 8 + i * 8));
  header.set([1, GZIP, GZIP, MVT, h.minZoom, h.maxZoom], 96); // clustered, compressions, type, zooms
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  h.bounds.forEach((degrees, i) => header.writeInt32LE(e7(degrees), 102 + i * 4));
  header[118] = h.center[2];
  header.writeInt32LE(e7(h.center[0]), 119);
  header.writeInt32LE(e7(h.center[1]), 123);
  return header;
}
