import type { RouteSpec } from './route.js';
import { vocabularyDocument } from './vocabulary-document.js';

/** The vocabulary (kinds with labels and ACLED types, statuses, precisions, …): public, it is no secret. */
export function vocabularyRoutes(): RouteSpec[] {
  const document = vocabularyDocument();
  return [
    {
      method: 'GET',
      path: '/api/vocabulary',
      summary:
        'The closed sets of the record: incident kinds with labels and ACLED types, statuses, precisions',
      allow: 'anyone',
      handler: async (c) => c.json(document),
    },
  ];
}
