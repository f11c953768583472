import { describe, expect, it } from 'vitest';
import {
  auditImage,
  canonicalJson,
  chainEntry,
  checkLink,
  GENESIS_HASH,
  hashEntry,
  sha256Hex,
  type AuditEntry,
  type Json,
} from './chain.js';

const entry = {
  at: '2020-11-10T00:00:00.000Z',
  actor: 'analyst:amira',
  action: 'create',
  entityType: 'incidents',
  entityId: '1',
  before: null,
  after: '{"id":1}',
  reason: 'new report',
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: 'x' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[1,{"y":"x","z":null}]},"b":1}',
    );
  });

  it('gives the same text for objects built in a different key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('refuses non-finite numbers instead of writing null', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/cannot canonicalise/);
  });
});

describe('the chain', () => {
  it('links the first entry to the genesis hash and numbers it 1', () => {
    const first = chainEntry({ seq: 0, hash: GENESIS_HASH }, entry);
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkLink({ seq: 0, hash: GENESIS_HASH }, first)).toBeNull();
  });

  it('detects an altered field, a broken link and a gap', () => {
    const first = chainEntry({ seq: 0, hash: GENESIS_HASH }, entry);
    const second = chainEntry({ seq: 1, hash: first.hash }, { ...entry, entityId: '2' });
    expect(checkLink({ seq: 1, hash: first.hash }, { ...second, reason: 'something else' })).toBe(
      'hash_mismatch',
    );
    expect(checkLink({ seq: 1, hash: 'f'.repeat(64) }, second)).toBe('prev_hash_mismatch');
    expect(checkLink({ seq: 0, hash: GENESIS_HASH }, second)).toBe('sequence_gap');
  });

  it('hashes the previous hash together with the entry, so the same entry on another chain differs', () => {
    const full = { ...entry, seq: 1 };
    expect(hashEntry(GENESIS_HASH, full)).not.toBe(hashEntry('1'.repeat(64), full));
  });
});

describe('auditImage', () => {
  it('replaces raw bytes, clean text and password hashes by their digest', () => {
    const source = JSON.parse(
      auditImage('sources', { id: 1, raw: new Uint8Array([1, 2]), clean_text: 'body', url: 'u' }),
    );
    expect(source.raw).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(source.clean_text).toMatch(/^sha256:/);
    expect(source.url).toBe('u');
    expect(auditImage('users', { id: 1, password_hash: 'secret' })).not.toContain('secret');
  });
});

describe('auditImage and later migrations', () => {
  it('leaves out null columns, so a nullable column added later keeps old images valid', () => {
    expect(auditImage('incidents', { id: 1, title: 't' })).toBe(
      auditImage('incidents', { id: 1, title: 't', merged_into_id: null }),
    );
    expect(auditImage('incidents', { id: 1, title: 't' })).not.toBe(
      auditImage('incidents', { id: 1, title: 't', merged_into_id: 3 }),
    );
  });
});

describe('the fast texts of the write path', () => {
  const body = (e: AuditEntry): Json => ({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    before: e.before,
    after: e.after,
    reason: e.reason,
  });

  it('hashes an entry exactly as the canonical JSON of its fields, for usual and unusual entries', () => {
    const usual = { ...entry, seq: 7, reason: 'quotes " and \\ and é \u2028 \n' };
    const unusual = [
      { ...usual, reason: null, before: '{"a":1}' },
      { ...usual, entityId: 12 as unknown as string },
      { ...usual, seq: Number.NaN },
      { ...usual, after: undefined as unknown as null },
    ];
    for (const e of [usual, ...unusual]) {
      let expected: string | Error;
      try {
        expected = sha256Hex(GENESIS_HASH + canonicalJson(body(e)));
      } catch (error) {
        expected = error as Error;
      }
      if (expected instanceof Error) expect(() => hashEntry(GENESIS_HASH, e)).toThrow(expected.message);
      else expect(hashEntry(GENESIS_HASH, e)).toBe(expected);
    }
  });

  it('writes an audit image as the canonical JSON of the image object', () => {
    const row = {
      title: 'Shelling "near" the bridge — é',
      id: 3,
      lat: 40.5,
      verified: true,
      note: null,
      missing: undefined,
      big: 12n,
      when: new Date('2024-01-01T00:00:00.000Z'),
      raw: new Uint8Array([1, 2, 3]),
      clean_text: 'body',
    };
    const image: Record<string, Json> = {
      title: row.title,
      id: 3,
      lat: 40.5,
      verified: true,
      big: 12,
      when: '2024-01-01T00:00:00.000Z',
      raw: `sha256:${sha256Hex(row.raw)}`,
      clean_text: `sha256:${sha256Hex('body')}`,
    };
    expect(auditImage('sources', row)).toBe(canonicalJson(image));
    expect(auditImage('feeds', { id: 1, url: 'u', etag: 'x', enabled: 1 })).toBe(
      canonicalJson({ id: 1, url: 'u', enabled: 1 }),
    );
    expect(() => auditImage('incidents', { id: 1, lat: Number.POSITIVE_INFINITY })).toThrow(
      /cannot canonicalise/,
    );
  });
});
