import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { invalid, TruceError } from './errors.js';

/** The center's own vector basemap (`--basemap FILE.pmtiles`), checked at start-up. */
export interface BasemapFile {
  /** The absolute path of a PMTiles v3 archive. */
  readonly path: string;
}

/** A PMTiles v3 header is 127 bytes: the magic, the version, then offsets and bounds. */
const HEADER_BYTES = 127;
const MAGIC = 'PMTiles';
const RULE = 'must be a readable PMTiles v3 file (starting with "PMTiles" and version 3)';

/**
 * Checks that `value` names a readable PMTiles v3 archive: a regular file of at least one
 * header, starting with the magic "PMTiles" and the version byte 3. Only the header is read.
 *
 * @example parseBasemap('./data/region.pmtiles') // { path: '/srv/truce/data/region.pmtiles' }
 */
export function parseBasemap(value: string, setting = '--basemap'): BasemapFile {
  const path = resolve(value.trim());
  const head = readHead(path, setting);
  if (head.length < HEADER_BYTES || head.toString('latin1', 0, MAGIC.length) !== MAGIC)
    throw invalid(setting, `${RULE}; "${path}" is not a PMTiles archive`);
  if (head[MAGIC.length] !== 3)
    throw invalid(setting, `${RULE}; "${path}" is PMTiles version ${head[MAGIC.length]}`);
  return { path };
}

function readHead(path: string, setting: string): Buffer {
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) throw invalid(setting, `${RULE}; "${path}" is not a file`);
    fd = openSync(path, 'r');
    const head = Buffer.alloc(HEADER_BYTES);
    return head.subarray(0, readSync(fd, head, 0, HEADER_BYTES, 0));
  } catch (error) {
    if (error instanceof TruceError) throw error;
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    const reason = missing ? 'no such file' : 'cannot be read';
    throw invalid(setting, `${RULE}; "${path}": ${reason}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
