/**
 * The one vocabulary of Truce: the closed sets extraction, the record, the exports, the server
 * and the web app share, each defined once with its properties. Nothing here imports from
 * another folder of `src/`: every other part imports from here.
 */
export * from './incident-kinds.js';
export * from './dates.js';
export * from './places.js';
export * from './casualties.js';
export * from './workflow.js';
