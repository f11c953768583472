import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFeed } from './feed-decode.js';
import { fetchFeed, MAX_FEED_BYTES } from './feed-fetch.js';
import { parseFeedDocument } from './feed-parse.js';
import {
  bytes,
  latin1,
  startByteServer,
  utf16,
  utf32le,
  windows1252,
  type ByteServer,
} from './test-support/byte-server.js';

// Feeds written for this test; each title uses letters its encoding has and ASCII does not.
const TITLE_LATIN = 'Trêve à Gaoua : l’armée dément — « aucun tir »';
const TITLE_ISO = 'Trêve rompue près de Kaédi, disent les élus';
const TITLE_KOREAN = '휴전 위반 보고';

const rss = (encoding: string | null, title: string, link: string) =>
  `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?>
<rss version="2.0"><channel><title>Wire ${encoding ?? 'plain'}</title><link>https://wire.example/</link><description>d</description>
<item><title>${title}</title><link>${link}</link><guid>urn:enc:${encoding ?? 'plain'}</guid><description>${title}.</description></item>
</channel></rss>`;

const allowLocal = { policy: { allowHosts: ['127.0.0.1'] } };

describe('feeds in any encoding', () => {
  let server: ByteServer;
  beforeAll(async () => {
    server = await startByteServer();
  });
  afterAll(() => server.close());

  const fetchTitle = async (path: string) => {
    const fetched = await fetchFeed(`${server.base}${path}`, { etag: null, lastModified: null }, allowLocal);
    if (fetched.status !== 'ok') throw new Error(JSON.stringify(fetched));
    return parseFeedDocument(fetched.body, fetched.url).entries[0]?.title;
  };

  it.each([
    [
      'UTF-16LE with a byte-order mark',
      () => utf16(rss('UTF-16', TITLE_LATIN, 'a'), 'le'),
      'application/rss+xml',
    ],
    ['UTF-16BE with a byte-order mark', () => utf16(rss('UTF-16', TITLE_LATIN, 'a'), 'be'), 'text/xml'],
    [
      'UTF-16LE declared in XML, no byte-order mark',
      () => utf16(rss('UTF-16', TITLE_LATIN, 'a'), 'le', false),
      'text/xml',
    ],
    ['UTF-32LE with a byte-order mark', () => utf32le(rss('UTF-32', TITLE_LATIN, 'a')), 'application/xml'],
    [
      'windows-1252 declared in XML',
      () => windows1252(rss('windows-1252', TITLE_LATIN, 'a')),
      'application/rss+xml',
    ],
    [
      'windows-1252 in the HTTP header',
      () => windows1252(rss(null, TITLE_LATIN, 'a')),
      'text/xml; charset=windows-1252',
    ],
  ])('reads %s', async (name, body, contentType) => {
    const path = `/${name.replace(/\W+/g, '-')}.xml`;
    server.routes.set(path, bytes(body(), contentType));
    expect(await fetchTitle(path)).toBe(TITLE_LATIN);
  });

  it('reads ISO-8859-1 declared in XML and in the HTTP header', async () => {
    server.routes.set(
      '/iso-xml.xml',
      bytes(latin1(rss('ISO-8859-1', TITLE_ISO, 'a')), 'application/rss+xml'),
    );
    server.routes.set(
      '/iso-http.xml',
      bytes(latin1(rss(null, TITLE_ISO, 'a')), 'text/xml; charset="ISO-8859-1"'),
    );
    expect(await fetchTitle('/iso-xml.xml')).toBe(TITLE_ISO);
    expect(await fetchTitle('/iso-http.xml')).toBe(TITLE_ISO);
  });

  it('reads a feed compressed although not asked to be, and stops a compressed bomb at the limit', async () => {
    const feed = gzipSync(windows1252(rss('windows-1252', TITLE_LATIN, 'a')));
    server.routes.set('/gzip.xml', bytes(feed, 'application/rss+xml', { 'content-encoding': 'gzip' }));
    expect(await fetchTitle('/gzip.xml')).toBe(TITLE_LATIN);
    const bomb = gzipSync(Buffer.alloc(4 * MAX_FEED_BYTES, 0x20));
    expect(bomb.length).toBeLessThan(MAX_FEED_BYTES / 10);
    server.routes.set('/bomb.xml', bytes(bomb, 'application/rss+xml', { 'content-encoding': 'gzip' }));
    const fetched = await fetchFeed(
      `${server.base}/bomb.xml`,
      { etag: null, lastModified: null },
      allowLocal,
    );
    expect(fetched).toEqual({ status: 'error', reason: `feed larger than ${MAX_FEED_BYTES} bytes` });
  });

  it('reads EUC-KR declared in XML', () => {
    // 휴전 위반 보고 in EUC-KR, byte by byte.
    const korean = [0xc8, 0xde, 0xc0, 0xfc, 0x20, 0xc0, 0xa7, 0xb9, 0xdd, 0x20, 0xba, 0xb8, 0xb0, 0xed];
    const [head, tail] = rss('EUC-KR', '@', 'a').split('@') as [string, string];
    const doc = Uint8Array.from([...latin1(head), ...korean, ...latin1(tail)]);
    const decoded = decodeFeed(doc, 'application/rss+xml');
    expect(decoded.ok && parseFeedDocument(decoded.text).entries[0]?.title).toBe(TITLE_KOREAN);
  });

  it('prefers the XML declaration when the HTTP charset does not fit the bytes', () => {
    const decoded = decodeFeed(latin1(rss('ISO-8859-1', TITLE_ISO, 'a')), 'text/xml; charset=utf-8');
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252' });
  });

  it('refuses bytes that are not the encoding declared rather than write U+FFFD', () => {
    const bad = Uint8Array.from([...latin1(rss('UTF-8', TITLE_ISO, 'a'))]);
    expect(decodeFeed(bad, 'text/xml')).toEqual({
      ok: false,
      reason: 'bytes that are not utf-8 (declared by its XML declaration)',
    });
    expect(decodeFeed(bad, 'text/xml; charset=x-klingon')).toEqual({
      ok: false,
      reason: 'unknown encoding "x-klingon" (from the HTTP charset)',
    });
  });

  it('resolves relative links against the feed URL and xml:base', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/desk/"><title>t</title><id>urn:f</id><updated>2021-01-01T00:00:00Z</updated>
<entry><id>urn:1</id><title>one</title><link href="articles/1"/><updated>2021-01-01T00:00:00Z</updated></entry>
<entry xml:base="https://mirror.example/news/"><id>urn:2</id><title>two</title><link href="2.html"/><updated>2021-01-01T00:00:00Z</updated></entry>
<entry><id>urn:3</id><title>three</title><link href="https://other.example/3"/><updated>2021-01-01T00:00:00Z</updated></entry>
</feed>`;
    const entries = parseFeedDocument(atom, 'https://wire.example/feeds/atom.xml').entries;
    expect(entries.map((e) => e.url)).toEqual([
      'https://wire.example/desk/articles/1',
      'https://mirror.example/news/2.html',
      'https://other.example/3',
    ]);
    const plain = parseFeedDocument(rss('UTF-8', 'x', '../story?id=7'), 'https://wire.example/feeds/rss.xml');
    expect(plain.entries[0]?.url).toBe('https://wire.example/story?id=7');
  });
});
