import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg: unknown = require('../../package.json');

/** The package version, read once from package.json. */
export const VERSION: string =
  typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string'
    ? pkg.version
    : '0.0.0';
