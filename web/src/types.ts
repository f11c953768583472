import type { IncidentMap, IncidentTimeline } from '../../src/server/schemas/record.js';

/** The API's shapes as the app reads them: the server's own (types only: nothing of it is bundled). */
export type { Role } from '../../src/vocabulary/index.js';
export type { Incident } from '../../src/record/schemas.js';
export type { IncidentPage } from '../../src/server/schemas/record.js';
export type { Me, UserSchema as User } from '../../src/server/schemas/accounts.js';
export type { Page } from '../../src/server/schemas/common.js';
export type {
  HistoryEntry,
  IncidentDetail,
  PartyResponse,
  ReconciledCasualty,
  ReportView,
  SourceView,
} from '../../src/server/schemas/record.js';
export type MapAnswer = IncidentMap;
export type MapCluster = IncidentMap['clusters'][number];
export type MapPoint = IncidentMap['points'][number];
export type TimelineDay = IncidentTimeline['days'][number];
