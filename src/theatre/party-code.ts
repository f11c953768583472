import { z } from 'zod';

/**
 * A party code: a state is its ISO 3166 alpha-2 code ("UA"); another party has its own ("DPR").
 * A leaf module, so that the agreement schemas (which the theatre pack schema includes) can use it.
 *
 * @example PartyCode.parse('DPR') // 'DPR'
 */
export const PartyCode = z
  .string()
  .regex(
    /^[A-Z][A-Z0-9-]{1,15}$/,
    'must be a party code: 2–16 upper-case letters, digits or "-" (a state is its ISO alpha-2 code)',
  );
export type PartyCode = z.infer<typeof PartyCode>;
