import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route of the byte server: what it answers, written by the test. */
export type ByteRoute = (req: IncomingMessage, res: ServerResponse) => void;

export interface ByteServer {
  /** `http://127.0.0.1:PORT` */
  readonly base: string;
  readonly port: number;
  /** Routes by path; a path not set answers 404. */
  readonly routes: Map<string, ByteRoute>;
  /** Paths asked for, in order. */
  readonly asked: string[];
  close(): Promise<void>;
}

/**
 * A local HTTP server answering exactly the bytes and headers a test gives it, for feeds in any
 * encoding, redirects and bodies that never end.
 *
 * @example server.routes.set('/feed.xml', bytes(feed, 'application/rss+xml; charset=windows-1252'))
 */
export async function startByteServer(): Promise<ByteServer> {
  const routes = new Map<string, ByteRoute>();
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    asked.push(path);
    const route = routes.get(path);
    if (route) route(req, res);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    routes,
    asked,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route answering these bytes with this content type (and optional extra headers). */
export const bytes =
  (body: Uint8Array | string, contentType: string, headers: Record<string, string> = {}): ByteRoute =>
  (_req, res) =>
    void res.writeHead(200, { 'content-type': contentType, ...headers }).end(body);

/** A route redirecting to `location`. */
export const redirect =
  (location: string): ByteRoute =>
  (_req, res) =>
    void res.writeHead(302, { location }).end();

/** Text as windows-1252 bytes (Latin-1 plus the typographic marks 0x80–0x9F). */
export function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = {
    '€': 0x80,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
    '—': 0x97,
  };
  return Uint8Array.from([...text].map((c) => extra[c] ?? latin1Code(c)));
}

/** Text as ISO-8859-1 bytes. */
export const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map(latin1Code));

function latin1Code(c: string): number {
  const code = c.codePointAt(0) ?? 0;
  if (code > 0xff) throw new Error(`${c} has no single-byte code`);
  return code;
}

/** Text as UTF-16 with a byte-order mark, little- or big-endian. */
export function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
  if (order === 'be') le.swap16();
  return new Uint8Array(le);
}

/** Text as UTF-32LE with a byte-order mark. */
export function utf32le(text: string): Uint8Array {
  const points = [0xfeff, ...[...text].map((c) => c.codePointAt(0) ?? 0)];
  const out = new DataView(new ArrayBuffer(points.length * 4));
  points.forEach((p, i) => out.setUint32(i * 4, p, true));
  return new Uint8Array(out.buffer);
}
