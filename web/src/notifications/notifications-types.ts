/** `GET /api/notifications` as the header and the replies page read it: the server's own (types only). */
export type { AwaitingReply, Notifications } from '../../../src/server/notifications.routes.js';
