import { BlockList, isIP } from 'node:net';

/**
 * Which hosts Truce may fetch from for feeds and ingested URLs. Loopback, private, link-local
 * (cloud metadata lives at 169.254.169.254), shared, multicast and reserved addresses are refused
 * unless an admin lists the host in `TRUCE_FETCH_ALLOW_HOSTS` (comma-separated host names or
 * addresses, e.g. `127.0.0.1,intranet.example`).
 */
export interface FetchPolicy {
  readonly allowHosts: readonly string[];
}

/** The setting an admin uses to allow a host that would otherwise be refused. */
export const ALLOW_HOSTS_SETTING = 'TRUCE_FETCH_ALLOW_HOSTS';

/**
 * The policy of this process, from its environment.
 *
 * @example fetchPolicyFromEnv({ TRUCE_FETCH_ALLOW_HOSTS: '127.0.0.1' }).allowHosts // ['127.0.0.1']
 */
export function fetchPolicyFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): FetchPolicy {
  const hosts = (env[ALLOW_HOSTS_SETTING] ?? '')
    .split(',')
    .map((h) => hostKey(h))
    .filter((h) => h !== '');
  return { allowHosts: hosts };
}

/** A host as compared with the allow-list: lower case, without IPv6 brackets. */
export const hostKey = (host: string): string =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');

/** @example isAllowedHost({ allowHosts: ['127.0.0.1'] }, '127.0.0.1') // true */
export const isAllowedHost = (policy: FetchPolicy, host: string): boolean =>
  policy.allowHosts.includes(hostKey(host));

type Family = 'ipv4' | 'ipv6';
const RANGES: readonly (readonly [string, number, Family, string])[] = [
  ['0.0.0.0', 8, 'ipv4', 'a "this network" address'],
  ['10.0.0.0', 8, 'ipv4', 'a private address'],
  ['100.64.0.0', 10, 'ipv4', 'a shared (carrier-grade NAT) address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local or cloud metadata address'],
  ['172.16.0.0', 12, 'ipv4', 'a private address'],
  ['192.0.0.0', 24, 'ipv4', 'a reserved address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address'],
  ['198.18.0.0', 15, 'ipv4', 'a reserved address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
  ['::', 128, 'ipv6', 'an unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  ['fc00::', 7, 'ipv6', 'a private address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
  ['100::', 64, 'ipv6', 'a reserved address'],
];

const lists = RANGES.map(([network, prefix, family, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, family, reason };
});

/**
 * Why an IP address must not be fetched from, or null when it is a public address. An IPv4
 * address written inside IPv6 (`::ffff:127.0.0.1`, NAT64 `64:ff9b::…`) is judged as IPv4.
 *
 * @example refusalOf('169.254.169.254') // 'a link-local or cloud metadata address'
 * @example refusalOf('93.184.216.34') // null
 */
export function refusalOf(address: string): string | null {
  const bare = hostKey(address);
  const version = isIP(bare);
  if (version === 0) return 'not an IP address';
  const embedded = version === 6 ? embeddedIpv4(bare) : null;
  if (embedded) return refusalOf(embedded);
  const family: Family = version === 4 ? 'ipv4' : 'ipv6';
  return lists.find((l) => l.family === family && l.list.check(bare, family))?.reason ?? null;
}

function embeddedIpv4(address: string): string | null {
  const dotted = /^(?:::ffff:|::ffff:0:|64:ff9b::|::)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address)?.[1];
  if (dotted) return dotted;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (!hex) return null;
  const high = Number.parseInt(hex[1] ?? '0', 16);
  const low = Number.parseInt(hex[2] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
