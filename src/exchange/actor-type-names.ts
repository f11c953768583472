/** ACLED's actor types are a closed set of the vocabulary (theatre packs name them too). */
export { ACTOR_TYPES, type ActorType } from '../vocabulary/acled-actor-types.js';
