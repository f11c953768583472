/** The admin routes' answers as the pages read them: the server's own (types only: nothing of it is bundled). */
export type {
  AccountRow,
  FeedFailure,
  FeedStatus as Feed,
  TokenCreated,
  TokenSummary,
} from '../../../src/server/schemas/accounts.js';
export type { IngestedUrl } from '../../../src/server/ingest-url.routes.js';
export type { AccountRole } from '../../../src/vocabulary/index.js';
