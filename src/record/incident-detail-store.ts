import type { Db } from '../platform/db/dialect.js';
import { CASUALTY_CATEGORIES, type CasualtyCategory } from '../vocabulary/index.js';
import {
  combinedTotal,
  deathsOf,
  reconcileFigures,
  type CasualtyTotal,
  type ReconciledFigure,
} from './casualty.js';
import { claimedFiguresOf } from './casualty-store.js';
import { activeTheatre } from '../theatre/active.js';
import { partyName } from '../theatre/parties.js';
import type { Comparison } from './dedup.js';
import type { MergeExplanation } from './ingest-event-store.js';
import { getIncident } from './incident-store.js';
import type { Incident } from './schemas.js';

export interface EvidenceSpan {
  readonly start: number;
  readonly end: number;
  readonly textSha256: string;
  readonly text: string;
}

export interface ReportView {
  readonly id: number;
  readonly kind: string;
  readonly eventKind: string | null;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly source: {
    readonly id: number;
    readonly url: string | null;
    readonly title: string | null;
    readonly publisher: string | null;
    readonly published: string | null;
  } | null;
  readonly spans: readonly EvidenceSpan[];
  readonly merge: {
    readonly score: number | null;
    /** Why the report is on this incident, in words and features (`MergeExplanation`), or why it was split off. */
    readonly explanation: MergeExplanation | Comparison | { split: string } | null;
    readonly fromIncident: number | null;
  };
}

export interface IncidentDetail {
  readonly incident: Incident;
  readonly mergedInto: number | null;
  readonly reports: readonly ReportView[];
  readonly casualties: readonly ReconciledFigure[];
  /** Deaths by the one rule the bulletin and the exports use (`deathsOf`). */
  readonly deaths: number;
  /** Each category's total across populations (`combinedTotal`), for the categories claimed. */
  readonly totals: readonly (CasualtyTotal & { readonly category: CasualtyCategory })[];
  readonly responses: readonly {
    id: number;
    /** The party's code, and its name as the theatre gives it. */
    party: string;
    partyName: string;
    stance: string;
    text: string;
    createdAt: string;
  }[];
  readonly history: readonly {
    seq: number;
    at: string;
    actor: string;
    action: string;
    reason: string | null;
  }[];
}

/** Everything about one incident: its reports with sources and evidence, why each merged, the
 * reconciled figures, the parties' responses and the history of changes. */
export async function getIncidentDetail(db: Db, id: number): Promise<IncidentDetail> {
  const incident = await getIncident(db, id);
  const row = await db
    .selectFrom('incidents')
    .select('merged_into_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const links = await db
    .selectFrom('incident_reports as l')
    .innerJoin('reports as r', 'r.id', 'l.report_id')
    .leftJoin('sources as s', 's.id', 'r.source_id')
    .select([
      'r.id',
      'r.kind',
      'r.event_kind',
      'r.date_start',
      'r.date_end',
      'r.payload',
      'l.score',
      'l.explanation',
      'l.origin_incident_id',
      's.id as source_id',
      's.url',
      's.title',
      's.publisher',
      's.published_at',
      's.clean_text',
    ])
    .where('l.incident_id', '=', id)
    .orderBy('r.id')
    .execute();
  const reportIds = links.map((l) => l.id);
  const spans = reportIds.length === 0 ? [] : await spansOf(db, links);
  const casualties = reconcileFigures((await claimedFiguresOf(db, [id])).get(id) ?? []);
  const responses = await db
    .selectFrom('party_responses')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('id')
    .execute();
  const history = await db
    .selectFrom('audit_entries')
    .select(['seq', 'at', 'actor', 'action', 'reason'])
    .where('entity_type', '=', 'incidents')
    .where('entity_id', '=', String(id))
    .orderBy('seq')
    .execute();
  return {
    incident,
    mergedInto: row.merged_into_id,
    reports: links.map((l) => ({
      id: l.id,
      kind: l.kind,
      eventKind: l.event_kind,
      dateStart: l.date_start,
      dateEnd: l.date_end,
      source:
        l.source_id === null
          ? null
          : {
              id: l.source_id,
              url: l.url,
              title: l.title,
              publisher: l.publisher,
              published: l.published_at,
            },
      spans: spans.filter((s) => s.reportId === l.id).map(({ reportId: _r, ...span }) => span),
      merge: {
        score: l.score,
        explanation: l.explanation ? (JSON.parse(l.explanation) as MergeExplanation) : null,
        fromIncident: l.origin_incident_id,
      },
    })),
    casualties,
    deaths: deathsOf(casualties),
    totals: CASUALTY_CATEGORIES.flatMap((category) => {
      const total = combinedTotal(casualties, category);
      return total ? [{ category, ...total }] : [];
    }),
    responses: responses.map((r) => ({
      id: r.id,
      party: r.party,
      partyName: partyName(activeTheatre(), r.party),
      stance: r.stance,
      text: r.text,
      createdAt: r.created_at,
    })),
    history: history.map((h) => ({
      seq: Number(h.seq),
      at: h.at,
      actor: h.actor,
      action: h.action,
      reason: h.reason,
    })),
  };
}

async function spansOf(db: Db, links: readonly { id: number; payload: string; clean_text: string | null }[]) {
  const out: (EvidenceSpan & { reportId: number })[] = [];
  for (const link of links) {
    const payload = JSON.parse(link.payload) as { spanIds?: number[]; spanId?: number };
    const ids = payload.spanIds ?? (payload.spanId !== undefined ? [payload.spanId] : []);
    if (ids.length === 0) continue;
    const rows = await db.selectFrom('spans').selectAll().where('id', 'in', ids).execute();
    for (const s of rows)
      out.push({
        reportId: link.id,
        start: s.start,
        end: s.end,
        textSha256: s.text_sha256,
        text: (link.clean_text ?? '').slice(s.start, s.end),
      });
  }
  return out;
}
