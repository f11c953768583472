// Builds the web app into dist/web with esbuild: one entry (web/src/main.ts), a chunk per page
// (pages are loaded by dynamic import), content-hashed names, a stylesheet bundled from
// web/public/styles.css (Leaflet's included), the basemap's country outlines copied under a
// hashed name (and the theatre packs' countries' admin-1 boundaries, simplified: admin1.mjs), index.html written with the hashed names, and every text file precompressed
// (.br, .gz) so the server sends the compressed bytes without compressing on each request.
//   node scripts/build-web.mjs            (npm run build runs it)
//   TRUCE_WEB_DEV=1 node scripts/build-web.mjs   (not minified, for reading the output)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { build } from 'esbuild';
import { countryAdmin1, packCountries } from './admin1.mjs';

const OUT = 'dist/web';
const APP = join(OUT, 'app');
const dev = process.env.TRUCE_WEB_DEV === '1';

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(APP, 'data'), { recursive: true });

/** The country outlines the basemap draws, under a name that changes when they change. */
function copyHashed(source, folder, stem) {
  const bytes = readFileSync(source);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const name = `${stem}-${hash}.json`;
  writeFileSync(join(APP, folder, name), bytes);
  return `/app/${folder}/${name}`;
}
const countriesUrl = copyHashed('node_modules/world-atlas/countries-50m.json', 'data', 'countries-50m');

/** The packs' countries' admin-1 boundaries, one hashed file each (scripts/admin1.mjs). */
function writeAdmin1() {
  const urls = {};
  for (const country of packCountries()) {
    const lines = countryAdmin1(country);
    if (!lines) continue;
    const bytes = Buffer.from(JSON.stringify(lines));
    const name = `admin1-${country}-${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.json`;
    writeFileSync(join(APP, 'data', name), bytes);
    urls[country] = `/app/data/${name}`;
  }
  return urls;
}
const admin1Urls = writeAdmin1();

const result = await build({
  entryPoints: { main: 'web/src/main.tsx', styles: 'web/public/styles.css' },
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  outdir: APP,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  loader: { '.png': 'file', '.svg': 'file' },
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: !dev,
  sourcemap: 'linked',
  metafile: true,
  legalComments: 'linked',
  define: { __COUNTRIES_URL__: JSON.stringify(countriesUrl), __ADMIN1_URLS__: JSON.stringify(admin1Urls) },
  logLevel: 'warning',
});

const outputs = Object.entries(result.metafile.outputs);
const entryOf = (name) => {
  const found = outputs.find(([, out]) => out.entryPoint === name);
  if (!found) throw new Error(`build-web: no output for ${name}`);
  return `/${relative(OUT, found[0])}`;
};
const script = entryOf('web/src/main.tsx');
const styles = entryOf('web/public/styles.css');

const html = readFileSync('web/public/index.html', 'utf8')
  .replace('%STYLES%', styles)
  .replace('%SCRIPT%', script);
if (html.includes('%')) throw new Error('build-web: index.html still has a placeholder');
writeFileSync(join(OUT, 'index.html'), html);
for (const file of readdirSync('web/public')) {
  if (file === 'index.html' || file === 'styles.css') continue;
  if (statSync(join('web/public', file)).isDirectory()) continue;
  writeFileSync(join(OUT, file), readFileSync(join('web/public', file)));
}

await buildServiceWorker();

/**
 * The installable app: the icons (the drawn SVG, and PNGs made from the same design at the sizes
 * browsers ask for) and the service worker at /sw.js, given the files to precache: index.html's
 * shell (the entry, the stylesheet and every chunk they import) and the chunks of the monitor's
 * pages (web/src/monitor/*, the sign-in page) with theirs, read from esbuild's metafile.
 */
async function buildServiceWorker() {
  mkdirSync(join(OUT, 'icons'), { recursive: true });
  writeFileSync(join(OUT, 'icons', 'icon.svg'), readFileSync('web/public/icons/icon.svg'));
  for (const size of [192, 512]) writeFileSync(join(OUT, 'icons', `icon-${size}.png`), iconPng(size));
  const byPath = new Map(outputs);
  const wanted = new Set();
  const visit = (path) => {
    if (wanted.has(path) || !byPath.has(path)) return;
    wanted.add(path);
    for (const imported of byPath.get(path).imports ?? [])
      if (imported.kind !== 'dynamic-import') visit(imported.path);
    const css = byPath.get(path).cssBundle;
    if (css) visit(css);
  };
  for (const [path, out] of outputs) {
    const entry = out.entryPoint ?? '';
    if (
      entry === 'web/src/main.tsx' ||
      entry === 'web/public/styles.css' ||
      entry.startsWith('web/src/monitor/') ||
      entry.startsWith('web/src/auth/login-page')
    )
      visit(path);
  }
  const precache = [...wanted]
    .filter((path) => !path.endsWith('.map'))
    .map((path) => `/${relative(OUT, path)}`)
    .sort();
  precache.push('/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png');
  const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
  await build({
    entryPoints: ['web/src/offline/sw.ts'],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    outfile: join(OUT, 'sw.js'),
    minify: !dev,
    define: { __PRECACHE__: JSON.stringify(precache), __CACHE_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  });
}

/** The icon as a PNG: a dark blue square, a white bar and post (a "T"), inside the maskable safe zone. */
function iconPng(size) {
  const rows = [];
  const blue = [0x1f, 0x3a, 0x5f];
  const white = [0xff, 0xff, 0xff];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const u = x / size;
      const v = y / size;
      const bar = v >= 0.28 && v < 0.4 && u >= 0.26 && u < 0.74;
      const post = u >= 0.44 && u < 0.56 && v >= 0.28 && v < 0.74;
      const [r, g, b] = bar || post ? white : blue;
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Precompresses the text files; the server picks .br or .gz by the request's Accept-Encoding. */
const COMPRESSIBLE = /\.(js|css|html|json|svg|txt|webmanifest)$/;
function walk(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (COMPRESSIBLE.test(name)) {
      const bytes = readFileSync(path);
      if (bytes.length < 512) continue;
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    }
  }
}
walk(OUT);

const sizes = outputs
  .filter(([path]) => path.endsWith('.js') || path.endsWith('.css'))
  .map(([path, out]) => ({ path, bytes: out.bytes }))
  .sort((a, b) => b.bytes - a.bytes);
const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
process.stdout.write(
  `build-web: ${sizes.length} files, ${(total / 1024).toFixed(0)} KB before compression; entry ${script}\n`,
);
