// Writes web/src/verify/verify-core.ts, the web app's copy of the isomorphic export check
// (src/audit/verify-core.ts: WebCrypto only, no imports). Run after changing that file:
//   node --import tsx scripts/generate-web-verify.ts
import { readFileSync, writeFileSync } from 'node:fs';

export const WEB_VERIFY_CORE = 'web/src/verify/verify-core.ts';
export const VERIFY_CORE = 'src/audit/verify-core.ts';
export const GENERATED_HEADER =
  '// Generated from src/audit/verify-core.ts by `node --import tsx scripts/generate-web-verify.ts`.\n' +
  '// Do not edit: a test fails when this file and the server copy differ.\n\n';

if (process.argv[1]?.endsWith('generate-web-verify.ts'))
  writeFileSync(WEB_VERIFY_CORE, GENERATED_HEADER + readFileSync(VERIFY_CORE, 'utf8'));
