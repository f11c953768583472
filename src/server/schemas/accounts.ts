import { z } from 'zod';
import { ROLES } from '../../record/taxonomy.js';
import { AccountRole } from '../../vocabulary/index.js';
import { TOKEN_SCOPES } from '../auth/session-store.js';
import { pageOf } from './common.js';

/** What the accounts, sign-in, health, feeds, theatre and vocabulary routes answer. */

const Maybe = <T extends z.ZodType>(schema: T) => schema.nullable();
const Role = z.enum(ROLES);

export const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: Maybe(z.string()),
    role: Role,
    party: Maybe(z.string()),
  })
  .meta({ id: 'User' });
export type UserSchema = z.infer<typeof UserSchema>;

/** An account as admins manage it: the user and whether it is disabled. */
export const AccountSchema = UserSchema.extend({ disabled: z.boolean() }).meta({ id: 'Account' });

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  audit: z.object({ entries: z.number().int().min(0), head: Maybe(z.string()) }),
});

export const Me = z.object({ user: Maybe(UserSchema), role: Role, csrfToken: Maybe(z.string()) });
export type Me = z.infer<typeof Me>;

export const LoginOutcome = z.object({
  user: z.object({ id: z.number().int(), username: z.string(), role: Role, party: Maybe(z.string()) }),
  csrfToken: z.string(),
});

export const SessionsEnded = z.object({ ok: z.literal(true), sessionsEnded: z.number().int().min(0) });
export const AccountDisabled = SessionsEnded.extend({ tokensRevoked: z.number().int().min(0) });

const TokenScope = z.enum(TOKEN_SCOPES);
export const TokenCreated = z.object({
  token: z.string().meta({ description: 'The secret, shown this once' }),
  name: z.string(),
  scopes: z.array(TokenScope),
});
export type TokenCreated = z.infer<typeof TokenCreated>;

/** A token as its list shows it: never the secret. */
export const TokenSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  scopes: z.array(TokenScope),
  createdAt: z.string(),
  revokedAt: Maybe(z.string()),
});
export type TokenSummary = z.infer<typeof TokenSummary>;
export const TokenPage = pageOf(TokenSummary).meta({ id: 'TokenPage' });

/** Accounts as the admins' list shows them (the row's own column names). */
export const AccountRow = z.object({
  id: z.number().int(),
  username: z.string(),
  display_name: Maybe(z.string()),
  role: AccountRole,
  party: Maybe(z.string()),
  disabled: z.number().int().min(0).max(1),
  created_at: z.string(),
});
export type AccountRow = z.infer<typeof AccountRow>;
export const UserRowPage = pageOf(AccountRow).meta({ id: 'UserRowPage' });

export const FeedStatus = z
  .object({
    id: z.number().int(),
    url: z.string(),
    title: Maybe(z.string()),
    every: z.string(),
    enabled: z.boolean(),
    lastPolledAt: Maybe(z.string()),
    lastStatus: Maybe(z.string()),
    lastError: Maybe(z.string()),
    consecutiveFailures: z.number().int().min(0),
    nextPollAt: z.string(),
    itemsIngested: z.number().int().min(0),
    entriesFailed: z.number().int().min(0),
    failures: z.array(
      z.object({
        feedId: z.number().int(),
        key: z.string(),
        url: Maybe(z.string()),
        reason: z.string(),
        attempts: z.number().int().min(0),
        retryAt: Maybe(z.string()),
      }),
    ),
  })
  .meta({ id: 'Feed' });
export type FeedStatus = z.infer<typeof FeedStatus>;
export type FeedFailure = FeedStatus['failures'][number];
export const FeedPage = pageOf(FeedStatus).meta({ id: 'FeedPage' });

export const TheatreDocumentSchema = z
  .object({
    packs: z.array(z.string()),
    parties: z.array(z.object({ code: z.string(), name: z.string(), alignment: Maybe(z.string()) })),
    countries: z.array(z.object({ code: z.string(), name: z.string() })),
    home: z.array(z.string()).meta({
      description:
        "the theatre's own countries (alpha-2): its packs' countries, not the always-on international pack's",
    }),
  })
  .meta({ id: 'Theatre' });

/** The theatre's places by name, for monitors picking a place offline (every party's spelling). */
export const TheatrePlacesSchema = z
  .object({
    items: z.array(z.object({ id: z.string(), name: z.string(), names: z.array(z.string()) })),
  })
  .meta({ id: 'TheatrePlaces' });

const Labelled = z.looseObject({ id: z.string() });
export const VocabularySchema = z
  .object({
    incidentKinds: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        family: z.string(),
        acled: z.object({ event_type: z.string(), sub_event_type: z.string() }),
        isViolence: z.boolean(),
        isBreach: z.boolean(),
      }),
    ),
    incidentStatuses: z.array(z.string()),
    publishedStatuses: z.array(z.string()).meta({ description: 'The statuses the public record holds' }),
    reviewTargets: z.array(z.string()),
    reviewTransitions: z.record(z.string(), z.array(z.string())),
    responseStances: z.array(z.string()),
    roles: z.array(Role),
    datePrecisions: z.array(Labelled),
    placePrecisions: z.array(Labelled),
    casualtyCategories: z.array(z.string()),
    qualifiers: z.array(z.string()),
    populationGroups: z.array(z.string()),
    assessedStatuses: z.array(z.string()),
    implementationScores: z.array(z.string()).meta({ description: 'the 0–3 implementation scores by name' }),
    incidentEffects: z.array(z.string()),
  })
  .meta({ id: 'Vocabulary' });
