import { z } from 'zod';
import { TheatrePack } from './schema.js';

/**
 * The JSON Schema of a theatre pack, derived from the zod `TheatrePack` (its input shape, so
 * fields with defaults are optional); `schemas/theatre.schema.json` is this value, and a test
 * keeps the two equal. Regenerate with
 * `node --import tsx -e "import('./src/theatre/json-schema.ts').then((m) => console.log(JSON.stringify(m.theatreJsonSchema(), null, 2)))" > schemas/theatre.schema.json && npx prettier --write schemas/theatre.schema.json`.
 *
 * @example theatreJsonSchema().title // 'Truce theatre pack'
 */
export function theatreJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(TheatrePack, { io: 'input' }),
    $id: 'https://github.com/truce/truce/schemas/theatre.schema.json',
    title: 'Truce theatre pack',
  };
}
