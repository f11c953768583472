import { z } from 'zod';

/** ACLED actor types (`inter1`, `inter2`), in ACLED's code order 1–8 (codebook, "Inter" codes). */
export const ACTOR_TYPES = [
  'State forces',
  'Rebel group',
  'Political militia',
  'Identity militia',
  'Rioters',
  'Protesters',
  'Civilians',
  'External/Other forces',
] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const AcledActorType = z.enum(ACTOR_TYPES);
