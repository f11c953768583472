import { json, type RouteSpec } from './route.js';
import { VocabularySchema } from './schemas/accounts.js';
import { vocabularyDocument } from './vocabulary-document.js';

/** The vocabulary (kinds with labels and ACLED types, statuses, precisions, …): public, it is no secret. */
export function vocabularyRoutes(): RouteSpec[] {
  const document = vocabularyDocument();
  return [
    {
      method: 'GET',
      path: '/api/vocabulary',
      operationId: 'getVocabulary',
      summary:
        'The closed sets of the record: incident kinds with labels and ACLED types, statuses, precisions',
      allow: 'anyone',
      responses: { 200: json('The closed sets', VocabularySchema) },
      handler: async (c) => c.json(document),
    },
  ];
}
