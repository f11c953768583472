import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Articles the test feed links to, written for these tests. */
const ARTICLES: Readonly<Record<string, string>> = {
  a: 'Monitors at the observation post near Aghdam reported on Monday that shelling resumed overnight. Two houses were damaged, officials said.',
  b: 'The joint center said on Tuesday that a convoy of 40 trucks carrying flour crossed the Lachin corridor without incident.',
  c: 'Villagers near Martakert told reporters that gunfire was heard on Wednesday evening along the line of contact.',
  d: 'Deminers cleared 12 hectares of farmland near Fuzuli on Thursday, according to a statement by the mission.',
};

export type FeedVersion = 'first' | 'second' | 'atom' | 'broken';

const ENTRIES: Readonly<Record<Exclude<FeedVersion, 'broken'>, readonly string[]>> = {
  first: ['a', 'b'],
  second: ['b', 'c', 'd'],
  atom: ['a', 'd'],
};

function rss(base: string, ids: readonly string[]): string {
  const items = ids
    .map(
      (
        id,
      ) => `<item><title>Report ${id}</title><link>${base}/articles/${id}</link><guid>urn:truce-test:${id}</guid>
        <pubDate>Mon, 16 Nov 2020 0${ids.indexOf(id)}:00:00 GMT</pubDate><description>Summary ${id}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Test wire</title><link>${base}</link><description>Test</description>\n${items}\n</channel></rss>`;
}

function atom(base: string, ids: readonly string[]): string {
  const entries = ids
    .map(
      (id) =>
        `<entry><id>urn:truce-test:${id}</id><title>Report ${id}</title><link href="${base}/articles/${id}"/><updated>2020-11-17T08:00:00Z</updated></entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:truce-test:atom</id><updated>2020-11-17T08:00:00Z</updated>\n${entries}\n</feed>`;
}

/** A local feed server whose feed changes when the test says, answering 304 to a matching ETag. */
export interface FeedServer {
  /** The main feed; `feedUrl(desk)` gives another feed with the same entries and its own articles. */
  readonly url: string;
  feedUrl(desk: string): string;
  version: FeedVersion;
  readonly requests: { path: string; ifNoneMatch: string | null }[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const state: { version: FeedVersion; requests: FeedServer['requests'] } = {
    version: 'first',
    requests: [],
  };
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const ifNoneMatch = req.headers['if-none-match'] ?? null;
    state.requests.push({ path, ifNoneMatch: typeof ifNoneMatch === 'string' ? ifNoneMatch : null });
    const [, ns = '', rest = ''] = /^\/([a-z]+)(\/.*)$/.exec(path) ?? [];
    const article = /^\/articles\/([a-z])$/.exec(rest)?.[1];
    if (article && ARTICLES[article]) {
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`${ARTICLES[article]} (${ns} desk)`);
      return;
    }
    if (rest !== '/feed.xml') return void res.writeHead(404).end();
    if (state.version === 'broken') return void res.writeHead(500).end('down');
    const etag = `"${state.version}"`;
    if (ifNoneMatch === etag) return void res.writeHead(304, { etag }).end();
    const ids = ENTRIES[state.version];
    const desk = `${base}/${ns}`;
    const body = state.version === 'atom' ? atom(desk, ids) : rss(desk, ids);
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/main/feed.xml`,
    feedUrl: (desk) => `${base}/${desk}/feed.xml`,
    get version() {
      return state.version;
    },
    set version(v: FeedVersion) {
      state.version = v;
    },
    requests: state.requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
