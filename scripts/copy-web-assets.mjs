// Copies the web app's static files (HTML, CSS) next to its compiled modules in dist/web.
import { cpSync, mkdirSync } from 'node:fs';

mkdirSync('dist/web', { recursive: true });
cpSync('web/public', 'dist/web', { recursive: true });
