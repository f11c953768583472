import { sql } from 'kysely';
import type { RecordWriter } from '../audit/audit-store.js';
import type { Db } from '../platform/db/dialect.js';
import { shownUrl, type Visibility } from './visibility.js';
import { visibleSourceIds } from './visibility-store.js';

/** The key two spellings of one name share: lower case, accents and punctuation dropped. */
export const nameKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The actor a speaker's name belongs to, through its aliases; a new person actor when unknown. */
export async function resolveSpeaker(writer: RecordWriter, name: string): Promise<number> {
  const key = nameKey(name);
  const alias = await writer.trx
    .selectFrom('actor_aliases')
    .select('actor_id')
    .where('alias_key', '=', key)
    .executeTakeFirst();
  if (alias) return alias.actor_id;
  const byName = await writer.trx
    .selectFrom('actors')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  const actorId = byName?.id ?? (await writer.insert('actors', { name, kind: 'person' })).id;
  await writer.insert('actor_aliases', { actor_id: actorId, alias: name, alias_key: key });
  return actorId;
}

export interface StatementQuery {
  readonly speaker?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit?: number;
  readonly offset?: number;
}

export interface StatementView {
  readonly id: number;
  readonly speaker: string;
  readonly actor: { readonly id: number; readonly name: string } | null;
  readonly office: string | null;
  readonly date: string | null;
  readonly direct: boolean;
  readonly text: string;
  readonly source: { readonly id: number; readonly url: string | null; readonly title: string | null } | null;
  readonly span: { readonly start: number; readonly end: number; readonly textSha256: string } | null;
}

/**
 * Statements with their speaker resolved to an actor (any alias of the actor matches `speaker`)
 * that the caller may see: one drawn from a captured source only when the source is visible (it
 * supports an incident the caller may see); one entered with a citation only is public.
 */
export function matchingStatements(db: Db, query: StatementQuery, visibility: Visibility) {
  let q = db.selectFrom('statements as s');
  if (visibility.kind !== 'all')
    q = q.where((eb) =>
      eb.or([
        eb('s.source_id', 'is', null),
        // Asked of each statement (correlated): a list of every visible source costs the whole record.
        eb.exists(visibleSourceIds(db, visibility).where('vr.source_id', '=', sql<number>`s.source_id`)),
      ]),
    );
  if (query.speaker) {
    const key = nameKey(query.speaker);
    const written = query.speaker;
    q = q.where((eb) =>
      eb.or([
        eb(
          's.speaker_actor_id',
          'in',
          eb.selectFrom('actor_aliases').select('actor_id').where('alias_key', 'like', `%${key}%`),
        ),
        eb('s.speaker_name', 'like', `%${written}%`),
      ]),
    );
  }
  if (query.from) q = q.where('s.said_on', '>=', query.from);
  if (query.to) q = q.where('s.said_on', '<=', query.to);
  return q;
}

/** How many statements match (for paging). */
export async function countStatements(
  db: Db,
  query: StatementQuery,
  visibility: Visibility,
): Promise<number> {
  const row = await matchingStatements(db, query, visibility)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One page of the statements the caller may see, newest first; file paths only for staff. */
export async function listStatements(
  db: Db,
  query: StatementQuery,
  visibility: Visibility,
): Promise<StatementView[]> {
  const q = matchingStatements(db, query, visibility)
    .leftJoin('actors as a', 'a.id', 's.speaker_actor_id')
    .leftJoin('sources as src', 'src.id', 's.source_id')
    .leftJoin('spans as sp', 'sp.id', 's.span_id')
    .select([
      's.id',
      's.speaker_name',
      's.office',
      's.said_on',
      's.direct',
      's.text',
      'a.id as actor_id',
      'a.name as actor_name',
      'src.id as source_id',
      'src.url',
      'src.title',
      'sp.start',
      'sp.end',
      'sp.text_sha256',
    ]);
  const rows = await q
    .orderBy('s.said_on', 'desc')
    .orderBy('s.id')
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    speaker: r.speaker_name,
    actor: r.actor_id !== null && r.actor_name !== null ? { id: r.actor_id, name: r.actor_name } : null,
    office: r.office,
    date: r.said_on,
    direct: r.direct === 1,
    text: r.text,
    source:
      r.source_id !== null ? { id: r.source_id, url: shownUrl(r.url, visibility), title: r.title } : null,
    span:
      r.start !== null && r.end !== null && r.text_sha256 !== null
        ? { start: r.start, end: r.end, textSha256: r.text_sha256 }
        : null,
  }));
}
