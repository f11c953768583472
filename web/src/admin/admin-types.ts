import type { TokenScope } from '../../../src/server/auth/token-scopes.js';
import type { Role } from '../types.js';

/** The admin routes' answers as the pages read them (docs/api.md). */

export type AccountRole = Exclude<Role, 'public'>;

/** An account as `GET /api/users` lists it (the row's own column names). */
export interface AccountRow {
  readonly id: number;
  readonly username: string;
  readonly display_name: string | null;
  readonly role: AccountRole;
  readonly party: string | null;
  readonly disabled: number;
  readonly created_at: string;
}

export interface TokenSummary {
  readonly id: number;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface TokenCreated {
  readonly token: string;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
}

export interface FeedFailure {
  readonly key: string;
  readonly url: string | null;
  readonly reason: string;
  readonly attempts: number;
  readonly retryAt: string | null;
}

export interface Feed {
  readonly id: number;
  readonly url: string;
  readonly title: string | null;
  readonly every: string;
  readonly enabled: boolean;
  readonly lastPolledAt: string | null;
  readonly lastStatus: string | null;
  readonly lastError: string | null;
  readonly consecutiveFailures: number;
  readonly nextPollAt: string;
  readonly itemsIngested: number;
  readonly entriesFailed: number;
  readonly failures: readonly FeedFailure[];
}

export type IngestedUrl =
  | {
      readonly status: 'new' | 'version';
      readonly label: string;
      readonly sourceId: number;
      readonly reports: number;
      readonly opened: number;
      readonly joined: number;
    }
  | {
      readonly status: 'duplicate';
      readonly label: string;
      readonly sourceId: number;
      readonly reason: string;
    };
