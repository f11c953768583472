// Builds the web app into dist/web with esbuild: one entry (web/src/main.ts), a chunk per page
// (pages are loaded by dynamic import), content-hashed names, a stylesheet bundled from
// web/public/styles.css (Leaflet's included), the basemap's country outlines copied under a
// hashed name, index.html written with the hashed names, and every text file precompressed
// (.br, .gz) so the server sends the compressed bytes without compressing on each request.
//   node scripts/build-web.mjs            (npm run build runs it)
//   TRUCE_WEB_DEV=1 node scripts/build-web.mjs   (not minified, for reading the output)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import process from 'node:process';
import { build } from 'esbuild';

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
  define: { __COUNTRIES_URL__: JSON.stringify(countriesUrl) },
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
  writeFileSync(join(OUT, file), readFileSync(join('web/public', file)));
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
