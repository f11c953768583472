// Copies what the compiled code reads from disk beside it: the web app's static files (HTML, CSS)
// into dist/web, and the shipped theatre packs into dist/theatre/packs.
import { cpSync, mkdirSync } from 'node:fs';

mkdirSync('dist/web', { recursive: true });
cpSync('web/public', 'dist/web', { recursive: true });
mkdirSync('dist/theatre/packs', { recursive: true });
cpSync('src/theatre/packs', 'dist/theatre/packs', { recursive: true });
