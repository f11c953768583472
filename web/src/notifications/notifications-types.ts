/** `GET /api/notifications` as the header and the replies page read it (docs/api.md). */

export interface AwaitingReply {
  readonly id: number;
  readonly publicId: string;
  readonly title: string;
  readonly kind: string;
  readonly status: string;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly place: string | null;
  readonly country: string | null;
  readonly createdAt: string;
}

export interface Notifications {
  readonly review: {
    readonly candidates: number;
    readonly underReview: number;
    readonly openDuplicates: number;
  } | null;
  readonly awaitingReply: {
    readonly party: string;
    readonly items: readonly AwaitingReply[];
    readonly total: number;
    readonly limit: number;
    readonly offset: number;
  } | null;
}
