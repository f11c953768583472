// Copies what the compiled code reads from disk beside it: the shipped theatre packs into
// dist/theatre/packs (the web app is built by scripts/build-web.mjs).
import { cpSync, mkdirSync } from 'node:fs';

mkdirSync('dist/theatre/packs', { recursive: true });
cpSync('src/theatre/packs', 'dist/theatre/packs', { recursive: true });
