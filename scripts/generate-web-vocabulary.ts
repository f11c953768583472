// Writes web/src/ui/vocabulary.ts from the server's vocabulary (src/vocabulary), formatted as the
// repository formats code. Run after changing the vocabulary:
//   node --import tsx scripts/generate-web-vocabulary.ts
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { renderWebVocabulary } from '../src/server/vocabulary-document.js';

const target = 'web/src/ui/vocabulary.ts';
const options = (await resolveConfig(target)) ?? {};
writeFileSync(target, await format(renderWebVocabulary(), { ...options, filepath: target }));
