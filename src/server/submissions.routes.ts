import type { Runtime } from '../platform/runtime.js';
import {
  FieldReport,
  PublicReport,
  submitFieldReport,
  submitPublicReport,
} from '../record/submission-store.js';
import { createRateLimiter } from './auth/rate-limit.js';
import { clientAddress } from './client.js';
import { json, jsonBody, STAFF, type RouteSpec } from './route.js';
import { FieldReportReceipt, PublicReportReceipt } from './schemas/record.js';
import { requireUser } from './visibility.js';

/** The public report form and the monitors' field reports. */
export function submissionRoutes(runtime: Runtime, clock: () => Date): RouteSpec[] {
  const perAddress = createRateLimiter(runtime.db, {
    name: 'public-report',
    limit: 10,
    windowMs: 60 * 60_000,
    message: 'too many reports from this address',
  });
  return [
    {
      method: 'POST',
      path: '/api/public/reports',
      operationId: 'submitPublicReport',
      responses: {
        200: json('A retry with the same idempotencyKey: the first answer again', PublicReportReceipt),
        201: json('Received; it enters the review queue', PublicReportReceipt),
      },
      errors: [429],
      summary: 'Report something to the monitoring center (comment and name required)',
      allow: 'anyone',
      body: PublicReport,
      handler: async (c) => {
        await perAddress.take(clientAddress(c, runtime.config.trustProxy ?? []), clock());
        const outcome = await submitPublicReport(runtime.db, await jsonBody(c), clock);
        if (outcome.status === 'dropped') return c.json({ received: true }, 201);
        return c.json(
          { received: true, reference: outcome.incidentId, repeated: outcome.status === 'repeated' },
          outcome.status === 'created' ? 201 : 200,
        );
      },
    },
    {
      method: 'POST',
      path: '/api/field-reports',
      operationId: 'submitFieldReport',
      responses: {
        200: json('A retry with the same idempotencyKey: the first answer again', FieldReportReceipt),
        201: json('A candidate incident', FieldReportReceipt),
      },
      summary: "A monitor's field report; enters the review queue",
      allow: STAFF,
      body: FieldReport,
      handler: async (c) => {
        const outcome = await submitFieldReport(
          runtime.db,
          await jsonBody(c),
          requireUser(c).username,
          clock,
        );
        if (outcome.status === 'dropped') return c.json({ received: true }, 201);
        return c.json(
          { incidentId: outcome.incidentId, repeated: outcome.status === 'repeated' },
          outcome.status === 'created' ? 201 : 200,
        );
      },
    },
  ];
}
