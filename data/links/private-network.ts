import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

function blockList(family: 'ipv4' | 'ipv6', subnets: readonly (readonly [string, number])[]): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of subnets) list.addSubnet(net, prefix, family);
  return list;
}

/**
 * IPv4 that a list from the web must not make the app contact: this computer, the local network, and
 * ranges where nothing public lives (IANA special-purpose registry).
 */
const NOT_PUBLIC_V4 = blockList('ipv4', [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
]);

/** The same for IPv6. The ranges that embed an IPv4 address are judged by that address (below). */
const NOT_PUBLIC_V6 = blockList('ipv6', [
  ['::', 96], // unspecified, loopback, and the deprecated IPv4-compatible ::a.b.c.d
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo (deprecated)
  ['2001:2::', 48], // benchmarking
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
]);

/**
 * IPv6 ranges that carry an IPv4 address, and at which 16-bit group it starts. Traffic to them ends up
 * at that IPv4 address, so they are exactly as public as it is.
 */
const EMBEDDING: readonly { range: BlockList; at: number }[] = [
  { range: blockList('ipv6', [['::ffff:0:0', 96]]), at: 6 }, // IPv4-mapped
  { range: blockList('ipv6', [['::ffff:0:0:0', 96]]), at: 6 }, // IPv4-translated (SIIT)
  { range: blockList('ipv6', [['64:ff9b::', 96]]), at: 6 }, // NAT64
  { range: blockList('ipv6', [['2002::', 16]]), at: 1 }, // 6to4
];

/**
 * Whether an address must not be contacted by a link check. Any spelling the system or the URL parser
 * may produce is understood (`::ffff:7f00:1` is 127.0.0.1); anything that is not an IP address at all
 * counts as private, since nothing shows it is safe.
 */
export function isPrivateAddress(address: string): boolean {
  // A zone (fe80::1%eth0) names an interface of this computer; the address alone decides.
  const bare = address.replace(/%.*$/s, '');
  const family = isIP(bare);
  if (family === 4) return NOT_PUBLIC_V4.check(bare, 'ipv4');
  if (family !== 6) return true;
  if (NOT_PUBLIC_V6.check(bare, 'ipv6')) return true;
  const embedding = EMBEDDING.find((e) => e.range.check(bare, 'ipv6'));
  if (!embedding) return false;
  const groups = ipv6Groups(bare);
  const high = groups[embedding.at]!;
  const low = groups[embedding.at + 1]!;
  const v4 = [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  return NOT_PUBLIC_V4.check(v4, 'ipv4');
}

/** The eight 16-bit groups of a valid IPv6 address (a dotted IPv4 tail counts as two). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  return tail === undefined ? front : [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * A resolver that refuses names resolving to a private address (so a public-looking name cannot point
 * the check at the local network either): every address of the answer is checked, and the connection
 * is made to the very addresses checked. Wraps the given resolver, or the system's.
 */
export function privateGuardedLookup(inner: LookupFunction = dnsLookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    inner(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = Array.isArray(addresses) ? addresses : [{ address: String(addresses), family: 4 }];
      const blocked = list.find((a) => isPrivateAddress(a.address));
      if (blocked || list.length === 0) {
        return callback(Object.assign(new Error('private address'), { code: 'EPRIVATE' }) as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
