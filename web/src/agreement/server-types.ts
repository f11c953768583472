/** The agreement's and the mission's shapes, from the server's own definitions (types only: nothing of it is bundled). */
export type {
  AgreementStatus,
  CommitmentHistory,
  CommitmentStatus,
} from '../../../src/agreement/agreement-status.js';
export type { Activity, ActivityDay, ActivityField } from '../../../src/agreement/activity.js';
export type { Deadline } from '../../../src/agreement/deadline.js';
export type { ImplementationSummary } from '../../../src/agreement/compliance.js';
