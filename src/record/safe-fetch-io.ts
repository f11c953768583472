import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import {
  fetchPolicyFromEnv,
  hostKey,
  isAllowedHost,
  refusalOf,
  ALLOW_HOSTS_SETTING,
  type FetchPolicy,
} from '../platform/address-policy.js';

/** A fetch refused by the address policy; its message names the host, the address and the rule. */
export class FetchRefused extends Error {
  override readonly name = 'FetchRefused';
}

/** An answer whose body is read on demand, never more than asked for. */
export interface SafeResponse {
  readonly status: number;
  readonly statusText: string;
  /** The URL that answered, after redirects. */
  readonly url: string;
  header(name: string): string | null;
  /** The body, or null as soon as it passes `maxBytes` (the rest is not read). */
  readBody(maxBytes: number): Promise<Uint8Array | null>;
  /** Drops the body unread. */
  discard(): void;
}

export interface SafeFetchOptions {
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly policy?: FetchPolicy;
  readonly maxRedirects?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * GET an http(s) URL for Truce's outside fetches (feeds, articles, ingested URLs): every hop of
 * a redirect is checked, and so is every address a host name resolves to, at the moment of
 * connecting (the connection uses the checked address, so a name cannot resolve to a public
 * address for the check and a private one for the fetch). Loopback, private, link-local and
 * metadata addresses are refused with `FetchRefused` unless the host is allowed explicitly.
 *
 * @example const res = await safeFetch('https://example.org/feed.xml', { timeoutMs: 20_000 })
 */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<SafeResponse> {
  const policy = options.policy ?? fetchPolicyFromEnv();
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    const target = checkedUrl(current, policy);
    const response = await get(target, options.headers ?? {}, policy, signal);
    const location = response.headers.location;
    if (REDIRECTS.has(response.statusCode ?? 0) && typeof location === 'string') {
      response.resume();
      if (hop >= (options.maxRedirects ?? MAX_REDIRECTS))
        throw new Error(`more than ${options.maxRedirects ?? MAX_REDIRECTS} redirects`);
      current = new URL(location, target).toString();
      continue;
    }
    return wrap(response, target.toString());
  }
}

function checkedUrl(text: string, policy: FetchPolicy): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchRefused(`${text} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchRefused(`${url.protocol} URLs are not fetched (only http and https)`);
  const host = hostKey(url.hostname);
  if (isIP(host) !== 0 && !isAllowedHost(policy, host)) {
    const reason = refusalOf(host);
    if (reason) throw refused(host, host, reason);
  }
  return url;
}

const refused = (host: string, address: string, reason: string) =>
  new FetchRefused(
    `refused ${host}${address === host ? '' : ` (${address})`}: ${reason}; an admin may allow the host in ${ALLOW_HOSTS_SETTING}`,
  );

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** `dns.lookup` that refuses a name resolving to any address the policy forbids. */
function guardedLookup(policy: FetchPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (!isAllowedHost(policy, hostname))
        for (const a of addresses) {
          const reason = refusalOf(a.address);
          if (reason) return callback(refused(hostname, a.address, reason), []);
        }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), []);
      callback(null, first.address, first.family);
    });
  };
}

function get(url: URL, headers: Readonly<Record<string, string>>, policy: FetchPolicy, signal: AbortSignal) {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      headers: { 'accept-encoding': 'identity', 'user-agent': 'Truce (ceasefire monitoring)', ...headers },
      lookup: guardedLookup(policy) as never,
      signal,
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

function wrap(response: IncomingMessage, url: string): SafeResponse {
  return {
    status: response.statusCode ?? 0,
    statusText: response.statusMessage ?? '',
    url,
    header(name) {
      const value = response.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : (value ?? null);
    },
    async readBody(maxBytes) {
      const declared = Number(response.headers['content-length'] ?? 0);
      if (declared > maxBytes) {
        response.destroy();
        return null;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      const body = decompressed(response);
      for await (const chunk of body as AsyncIterable<Buffer>) {
        total += chunk.byteLength;
        // The limit counts the bytes as decoded, so a small compressed bomb is stopped too.
        if (total > maxBytes) {
          body.destroy();
          response.destroy();
          return null;
        }
        chunks.push(chunk);
      }
      return new Uint8Array(Buffer.concat(chunks));
    },
    discard: () => void response.resume(),
  };
}

/** The body as sent, or decompressed when a server compressed it although asked not to. */
function decompressed(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  if (!decoder) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}
