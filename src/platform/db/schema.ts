import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Row types of the database, kept apart from the domain's API shapes (stores map between them).
 * Times are ISO-8601 text in both dialects; JSON is text; booleans are 0/1 integers, so a row reads
 * back identically from SQLite and PostgreSQL — which the audit chain relies on.
 */
export interface SourceTable {
  id: Generated<number>;
  url: string | null;
  canonical_url: string | null;
  publisher: string | null;
  title: string | null;
  published_at: string | null;
  retrieved_at: string;
  language: string | null;
  content_type: string | null;
  raw: Uint8Array;
  raw_sha256: string;
  clean_text: string;
  clean_sha256: string;
  extractor: string | null;
  extractor_version: string | null;
  version: number;
  previous_version_id: number | null;
}

export interface SpanTable {
  id: Generated<number>;
  source_id: number;
  text_sha256: string;
  start: number;
  end: number;
}

export interface ReportTable {
  id: Generated<number>;
  source_id: number | null;
  kind: string;
  event_kind: string | null;
  date_start: string | null;
  date_end: string | null;
  date_precision: string | null;
  place_id: number | null;
  lat: number | null;
  lon: number | null;
  payload: string;
  created_at: string;
}

export interface IncidentTable {
  id: Generated<number>;
  public_id: string;
  kind: string;
  acled_event_type: string;
  acled_sub_event_type: string;
  title: string;
  summary: string | null;
  /** Null (both) when no report dates the event; `date_precision` is then `unknown`. */
  date_start: string | null;
  date_end: string | null;
  date_precision: string;
  place_id: number | null;
  place_name: string | null;
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: string | null;
  actor1: string | null;
  actor2: string | null;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
  merged_into_id: number | null;
  /** ACLED's own coding of an imported incident, as the file gave it (migration 0009). */
  acled_disorder_type: string | null;
  acled_assoc_actor_1: string | null;
  acled_inter1: string | null;
  acled_assoc_actor_2: string | null;
  acled_inter2: string | null;
  acled_interaction: string | null;
  acled_civilian_targeting: string | null;
  acled_iso: string | null;
  acled_region: string | null;
  acled_country: string | null;
  acled_admin1: string | null;
  acled_admin2: string | null;
  acled_admin3: string | null;
  acled_source_scale: string | null;
  acled_tags: string | null;
  acled_timestamp: string | null;
}

export interface IncidentReportTable {
  id: Generated<number>;
  incident_id: number;
  report_id: number;
  score: number | null;
  explanation: string | null;
  linked_at: string;
  origin_incident_id: number | null;
}

/** A possible duplicate pair, newer incident first, for an analyst to merge or dismiss (migration 0010). */
export interface DuplicateSuggestionTable {
  id: Generated<number>;
  incident_id: number;
  candidate_id: number;
  score: number;
  /** The merge's comparison (`Comparison`) as JSON. */
  explanation: string;
  /** `open`, `merged` or `dismissed`. */
  status: string;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
}

/** The parties (codes) an incident names, one row each; computed from actor names (migration 0007). */
export interface IncidentPartyTable {
  id: Generated<number>;
  incident_id: number;
  party: string;
}

export interface PartyResponseTable {
  id: Generated<number>;
  incident_id: number;
  party: string;
  author_id: number;
  stance: string;
  text: string;
  created_at: string;
}

export interface CasualtyFigureTable {
  id: Generated<number>;
  incident_id: number | null;
  report_id: number | null;
  category: string;
  population: string;
  low: number | null;
  best: number | null;
  high: number | null;
  qualifier: string;
  claimant: string | null;
  span_id: number | null;
  as_of: string | null;
  cumulative: number;
}

export interface StatementTable {
  id: Generated<number>;
  report_id: number | null;
  source_id: number | null;
  speaker_name: string;
  speaker_actor_id: number | null;
  office: string | null;
  said_on: string | null;
  direct: number;
  text: string;
  span_id: number | null;
  asserts: string | null;
}

export interface ActorTable {
  id: Generated<number>;
  name: string;
  kind: string;
  party: string | null;
  country: string | null;
}

export interface ActorAliasTable {
  id: Generated<number>;
  actor_id: number;
  alias: string;
  alias_key: string;
}

export interface PlaceTable {
  id: Generated<number>;
  slug: string;
  kind: string;
  country: string | null;
  admin1: string | null;
  parent_id: number | null;
  lat: number | null;
  lon: number | null;
  geometry: string | null;
}

export interface PlaceNameTable {
  id: Generated<number>;
  place_id: number;
  name: string;
  name_key: string;
  used_by: string | null;
  language: string | null;
}

export interface AgreementTable {
  id: Generated<number>;
  slug: string;
  title: string;
  signed_at: string | null;
  timezone: string | null;
  parties: string;
  texts: string;
  effective_at: string | null;
}

export interface CommitmentTable {
  id: Generated<number>;
  agreement_id: number;
  clause: string;
  kind: string;
  obligors: string;
  texts: string;
  places: string;
  deadline: string | null;
  deadline_tz: string | null;
  deadline_inclusive: number;
  parameters: string;
  status: string;
  score: number | null;
  title: string | null;
  term: string | null;
  monitors: string | null;
}

export interface CommitmentAmendmentTable {
  id: Generated<number>;
  commitment_id: number;
  decided_on: string;
  previous_deadline: string | null;
  previous_tz: string | null;
  previous_inclusive: number | null;
  deadline: string;
  deadline_tz: string;
  deadline_inclusive: number;
  reason: string;
  evidence: string;
  recorded_at: string;
}

export interface CommitmentStatusHistoryTable {
  id: Generated<number>;
  commitment_id: number;
  as_of: string;
  status: string;
  score: number;
  evidence: string;
  note: string | null;
  assessed_by: string;
  recorded_at: string;
}

export interface IncidentCommitmentTable {
  id: Generated<number>;
  incident_id: number;
  commitment_id: number;
  effect: string;
  note: string | null;
  linked_at: string;
}

export interface MissionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  agreement_id: number | null;
  mandate: string;
}

export interface MissionUnitTable {
  id: Generated<number>;
  mission_id: number;
  name: string;
  kind: string;
  personnel: number | null;
  base: string | null;
  from_date: string;
  to_date: string | null;
}

export interface ObservationPostTable {
  id: Generated<number>;
  mission_id: number;
  code: string;
  name: string;
  place_name: string | null;
  lat: number;
  lon: number;
  opened_on: string;
  closed_on: string | null;
}

export interface MissionActivityTable {
  id: Generated<number>;
  mission_id: number;
  day: string;
  personnel: number | null;
  armoured_vehicles: number | null;
  other_vehicles: number | null;
  observation_posts: number | null;
  patrols: number;
  patrol_areas: string;
  escort_corridor: string | null;
  escort_vehicles: number;
  escort_people: number;
  returned: number;
  demined_hectares: number;
  demined_road_km: number;
  demined_buildings: number;
  explosive_items: number;
  humanitarian_tonnes: number;
  violations_recorded: number;
  notes: string | null;
  sources: string;
  recorded_at: string;
  /** The filer's key for this submission, scoped by account (migration 0021); null when filed without one. */
  idempotency_key: string | null;
}

/** The figures a day held before a correction (`previous`, the activity as JSON), and why it changed. */
export interface MissionActivityCorrectionTable {
  id: Generated<number>;
  activity_id: number;
  previous: string;
  reason: string;
  corrected_by: string;
  corrected_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  role: string;
  party: string | null;
  password_hash: string | null;
  disabled: number;
  created_at: string;
}

export interface FeedTable {
  id: Generated<number>;
  url: string;
  interval_seconds: number;
  added_by: string;
  added_at: string;
  enabled: Generated<number>;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string;
  last_polled_at: string | null;
  last_status: string | null;
  last_error: string | null;
  consecutive_failures: Generated<number>;
  items_ingested: Generated<number>;
}

export interface FeedItemTable {
  id: Generated<number>;
  feed_id: number;
  item_key: string;
  url: string | null;
  state: string;
  claimed_by: string;
  claimed_at: string;
  source_id: number | null;
  /** What ingestion made of the entry, or why it failed. */
  outcome: string | null;
  /** Failed attempts so far, when to try again (null: not again) and the entry as JSON (migration 0009). */
  attempts: Generated<number>;
  retry_at: string | null;
  entry: string | null;
}

export interface AuditEntryTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** The Merkle tree's right border, hex hashes largest subtree first (migration 0011). */
  frontier: string | null;
}

/** A perfect subtree of the audit log's Merkle tree (migration 0011). */
export interface AuditTreeNodeTable {
  level: number;
  idx: number;
  hash: string;
}

export interface AuditCheckpointTable {
  id: Generated<number>;
  origin: string;
  size: number;
  root_hash: string;
  key_name: string;
  /** The whole signed note, as served. */
  note: string;
  created_at: string;
}

export interface AuditWitnessTable {
  id: Generated<number>;
  name: string;
  /** The witness's verifier key, `name+keyid+base64(0x04‖pubkey)`. */
  vkey: string;
  added_by: string;
  added_at: string;
}

export interface AuditCosignatureTable {
  id: Generated<number>;
  checkpoint_id: number;
  witness_id: number;
  time: number;
  /** The signature line, as the witness sent it. */
  line: string;
  received_at: string;
}

export interface SessionTable {
  id: Generated<number>;
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  /** Space-separated extra rights (`tokens`: may mint tokens); empty for a plain token. */
  scopes: Generated<string>;
  created_at: string;
  revoked_at: string | null;
}

export interface RateLimitTable {
  key: string;
  window_ends_at: string;
  count: number;
}

/** A named lock shared by every process on the database (migration 0016); see `platform/lease-store.ts`. */
export interface LeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface PublicSubmissionTable {
  id: Generated<number>;
  idempotency_key: string;
  incident_id: number;
  report_id: number;
  channel: string;
  reporter_name: string | null;
  reporter_contact: string | null;
  created_at: string;
}

export interface AttachmentTable {
  id: Generated<number>;
  report_id: number;
  media_type: string;
  bytes: Uint8Array;
  sha256: string;
  created_at: string;
}

export interface Database {
  sources: SourceTable;
  spans: SpanTable;
  reports: ReportTable;
  incidents: IncidentTable;
  incident_reports: IncidentReportTable;
  duplicate_suggestions: DuplicateSuggestionTable;
  casualty_figures: CasualtyFigureTable;
  statements: StatementTable;
  actors: ActorTable;
  actor_aliases: ActorAliasTable;
  places: PlaceTable;
  place_names: PlaceNameTable;
  agreements: AgreementTable;
  commitments: CommitmentTable;
  missions: MissionTable;
  commitment_amendments: CommitmentAmendmentTable;
  commitment_status_history: CommitmentStatusHistoryTable;
  incident_commitments: IncidentCommitmentTable;
  mission_units: MissionUnitTable;
  observation_posts: ObservationPostTable;
  mission_activity: MissionActivityTable;
  mission_activity_corrections: MissionActivityCorrectionTable;
  users: UserTable;
  party_responses: PartyResponseTable;
  incident_parties: IncidentPartyTable;
  feeds: FeedTable;
  feed_items: FeedItemTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  rate_limits: RateLimitTable;
  leases: LeaseTable;
  public_submissions: PublicSubmissionTable;
  attachments: AttachmentTable;
  audit_entries: AuditEntryTable;
  audit_head: AuditHeadTable;
  audit_tree_nodes: AuditTreeNodeTable;
  audit_checkpoints: AuditCheckpointTable;
  audit_witnesses: AuditWitnessTable;
  audit_cosignatures: AuditCosignatureTable;
}

/** The tables whose every row is covered by the audit chain. */
export const AUDITED_TABLES = [
  'sources',
  'spans',
  'reports',
  'incidents',
  'incident_reports',
  'duplicate_suggestions',
  'casualty_figures',
  'statements',
  'actors',
  'actor_aliases',
  'places',
  'place_names',
  'agreements',
  'commitments',
  'missions',
  'commitment_amendments',
  'commitment_status_history',
  'incident_commitments',
  'mission_units',
  'observation_posts',
  'mission_activity',
  'mission_activity_corrections',
  'users',
  'party_responses',
  'public_submissions',
  'incident_parties',
  'attachments',
  'sessions',
  'api_tokens',
  'feeds',
] as const satisfies readonly (keyof Database)[];
export type AuditedTable = (typeof AUDITED_TABLES)[number];

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowPatch<T extends keyof Database> = Updateable<Database[T]>;
