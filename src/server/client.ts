import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

const MAX_HOPS = 20;

/**
 * The caller's address, for rate limits only (never logged with what they submitted). Behind a
 * trusted proxy (`TRUCE_TRUST_PROXY`) it is the right-most `X-Forwarded-For` entry that is not
 * itself a trusted proxy; a client cannot forge it, since the proxy appends what it saw.
 *
 * @example clientAddress(c, ['10.0.0.5']) // '203.0.113.7' for a request relayed by 10.0.0.5
 */
export function clientAddress(c: Context, trusted: readonly string[] = []): string {
  const peer = peerAddress(c);
  if (!trusted.includes(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .slice(-MAX_HOPS)
    .map((v) => normalise(v.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i] ?? '';
    if (!trusted.includes(hop)) return hop;
  }
  return peer;
}

function peerAddress(c: Context): string {
  try {
    return normalise(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/** IPv4 seen through an IPv6 socket (`::ffff:10.0.0.5`) is the IPv4 address. */
const normalise = (address: string): string => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
