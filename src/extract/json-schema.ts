import { z } from 'zod';
import { Extraction } from './schema.js';

/**
 * The JSON Schema of one extraction, derived from the zod schema; `schemas/extraction.schema.json`
 * is this value, and a test keeps the two equal. Regenerate with
 * `node --import tsx -e "import('./src/extract/json-schema.ts').then((m) => console.log(JSON.stringify(m.extractionJsonSchema(), null, 2)))" > schemas/extraction.schema.json`.
 *
 * @example extractionJsonSchema().title // 'Truce extraction (one document)'
 */
export function extractionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Extraction),
    $id: 'https://github.com/truce/truce/schemas/extraction.schema.json',
    title: 'Truce extraction (one document)',
  };
}
