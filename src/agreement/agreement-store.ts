import type { Selectable } from 'kysely';
import { z } from 'zod';
import { audited, type ChangeContext, type RecordWriter } from '../audit/audit-store.js';
import type { Db } from '../platform/db/dialect.js';
import type { AgreementTable, CommitmentTable } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import {
  AgreementFields,
  AgreementInput,
  Parameter,
  TermRules,
  TextVariant,
  type Agreement,
  type Commitment,
  type CommitmentKind,
  type ParsedCommitmentInput,
} from './commitment.js';

/** Agreements and their commitments: written through the audit chain, read with Kysely. */

const Names = z.array(z.string());
const json = <S extends z.ZodType>(schema: S, text: string | null, fallback: z.infer<S>): z.infer<S> =>
  text === null ? fallback : schema.parse(JSON.parse(text));

export function presentAgreement(row: Selectable<AgreementTable>): Agreement {
  return {
    id: Number(row.id),
    slug: row.slug,
    title: row.title,
    signedOn: row.signed_at,
    effectiveAt: row.effective_at,
    timeZone: row.timezone ?? 'UTC',
    parties: json(Names, row.parties, []),
    texts: json(AgreementFields.shape.texts, row.texts, []),
  };
}

export function presentCommitment(row: Selectable<CommitmentTable>): Commitment {
  return {
    id: Number(row.id),
    agreementId: Number(row.agreement_id),
    clause: row.clause,
    title: row.title ?? `Clause ${row.clause}`,
    kind: row.kind as CommitmentKind,
    obligors: json(Names, row.obligors, []),
    places: json(Names, row.places, []),
    texts: json(z.array(TextVariant), row.texts, []),
    deadline:
      row.deadline === null
        ? null
        : { date: row.deadline, timeZone: row.deadline_tz ?? 'UTC', inclusive: row.deadline_inclusive === 1 },
    parameters: json(z.array(Parameter), row.parameters, []),
    term: json(TermRules.nullable(), row.term, null),
    monitors: json(Names, row.monitors, []),
  };
}

async function insertCommitment(writer: RecordWriter, agreementId: number, c: ParsedCommitmentInput) {
  return writer.insert('commitments', {
    agreement_id: agreementId,
    clause: c.clause,
    title: c.title,
    kind: c.kind,
    obligors: JSON.stringify(c.obligors),
    texts: JSON.stringify(c.texts),
    places: JSON.stringify(c.places),
    deadline: c.deadline?.date ?? null,
    deadline_tz: c.deadline?.timeZone ?? null,
    deadline_inclusive: c.deadline?.inclusive === false ? 0 : 1,
    parameters: JSON.stringify(c.parameters),
    term: c.term ? JSON.stringify(c.term) : null,
    monitors: JSON.stringify(c.monitors),
    status: 'pending',
    score: 0,
  });
}

/**
 * Records an agreement and its commitments in one audited transaction. A second agreement with the
 * same slug is refused (`conflict`), backed by the unique constraint on `agreements.slug`.
 *
 * @example await createAgreement(db, { actor: 'analyst:amira' }, { slug: 'truce-2020-11-10', title: '…', timeZone: 'Europe/Moscow', parties: ['AM', 'AZ'] })
 */
export async function createAgreement(
  db: Db,
  context: ChangeContext,
  input: AgreementInput,
): Promise<{ agreement: Agreement; commitments: Commitment[] }> {
  const parsed = parseInput(AgreementInput, input, 'agreement');
  return audited(db, context, async (writer) => {
    const existing = await writer.trx
      .selectFrom('agreements')
      .select('id')
      .where('slug', '=', parsed.slug)
      .executeTakeFirst();
    if (existing)
      throw conflict(`agreement ${parsed.slug} already exists`, { field: 'slug', rule: 'must be unique' });
    const row = await writer.insert('agreements', {
      slug: parsed.slug,
      title: parsed.title,
      signed_at: parsed.signedOn,
      effective_at: parsed.effectiveAt,
      timezone: parsed.timeZone,
      parties: JSON.stringify(parsed.parties),
      texts: JSON.stringify(parsed.texts),
    });
    const commitments: Commitment[] = [];
    for (const c of parsed.commitments)
      commitments.push(presentCommitment(await insertCommitment(writer, row.id, c)));
    return { agreement: presentAgreement(row), commitments };
  });
}

/** @example await findAgreement(db, 'truce-2020-11-10') // null when absent */
export async function findAgreement(db: Db, slug: string): Promise<Agreement | null> {
  const row = await db.selectFrom('agreements').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? presentAgreement(row) : null;
}

/** The agreement with this slug, or the only/first one when no slug is given. */
export async function getAgreement(db: Db, slug?: string): Promise<Agreement> {
  const row = slug
    ? await db.selectFrom('agreements').selectAll().where('slug', '=', slug).executeTakeFirst()
    : await db.selectFrom('agreements').selectAll().orderBy('id').executeTakeFirst();
  if (!row) throw notFound('agreement', slug ?? '(any)');
  return presentAgreement(row);
}

export async function listCommitments(db: Db, agreementId: number): Promise<Commitment[]> {
  const rows = await db
    .selectFrom('commitments')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('id')
    .execute();
  return rows.map(presentCommitment);
}

/** The commitment with `clause` in the agreement `slug`; not_found names both. */
export async function getCommitment(
  db: Pick<Db, 'selectFrom'>,
  agreementId: number,
  clause: string,
): Promise<Commitment> {
  const row = await db
    .selectFrom('commitments')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('clause', '=', clause)
    .executeTakeFirst();
  if (!row) throw notFound('commitment', clause);
  return presentCommitment(row);
}
