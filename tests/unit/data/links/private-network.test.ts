import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isPrivateAddress, privateGuardedLookup } from '../../../../data/links/private-network';

/** Addresses a link check must never contact: this computer, the local network, and ranges nothing public lives in. */
const NOT_PUBLIC: [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['0.0.0.0', 'this network'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['169.254.169.254', 'link-local (cloud metadata)'],
  ['192.0.0.8', 'IETF protocol assignments 192.0.0.0/24'],
  ['192.0.2.1', 'documentation TEST-NET-1'],
  ['198.51.100.7', 'documentation TEST-NET-2'],
  ['203.0.113.9', 'documentation TEST-NET-3'],
  ['198.18.0.1', 'benchmarking 198.18.0.0/15'],
  ['198.19.255.255', 'benchmarking 198.18.0.0/15'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast (SSDP)'],
  ['240.0.0.1', 'reserved 240.0.0.0/4'],
  ['255.255.255.255', 'broadcast'],
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback, long form'],
  ['fc00::1', 'unique local'],
  ['fd12:3456::1', 'unique local'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local with a zone'],
  ['fec0::1', 'site-local (deprecated)'],
  ['feff::1', 'site-local (deprecated)'],
  ['ff02::1', 'multicast'],
  ['ff05::1:3', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['3fff::1', 'documentation 3fff::/20'],
  ['100::1', 'discard-only'],
  ['2001:2::1', 'benchmarking'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
  ['64:ff9b:1::a00:1', 'local-use NAT64'],
  // IPv4-mapped ::ffff:0:0/96, every spelling: what the URL parser makes of [::ffff:127.0.0.1] is the hex one.
  ['::ffff:127.0.0.1', 'mapped loopback, dotted'],
  ['::ffff:7f00:1', 'mapped loopback, hex (WHATWG URL form)'],
  ['::FFFF:7F00:1', 'mapped loopback, upper case'],
  ['0:0:0:0:0:ffff:7f00:1', 'mapped loopback, long form'],
  ['0000:0000:0000:0000:0000:ffff:127.0.0.1', 'mapped loopback, zero-padded'],
  ['::ffff:10.0.0.1', 'mapped private'],
  ['::ffff:a9fe:a9fe', 'mapped link-local'],
  ['::ffff:0:7f00:1', 'IPv4-translated (SIIT) loopback'],
  ['::ffff:0:192.168.0.1', 'IPv4-translated (SIIT) private'],
  ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
  ['::7f00:1', 'IPv4-compatible, hex'],
  ['::8.8.8.8', 'IPv4-compatible (deprecated, nothing public uses it)'],
  ['64:ff9b::127.0.0.1', 'NAT64 of loopback'],
  ['64:ff9b::7f00:1', 'NAT64 of loopback, hex'],
  ['64:ff9b::c0a8:101', 'NAT64 of 192.168.1.1'],
  ['2002:7f00:1::1', '6to4 of loopback'],
  ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
  ['2002:a9fe:a9fe::', '6to4 of the metadata address'],
  ['localhost', 'not an address at all'],
  ['', 'empty'],
];

const PUBLIC = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.216.34',
  '11.0.0.1',
  '172.32.0.1',
  '100.128.0.1',
  '192.0.3.1',
  '198.20.0.1',
  '223.255.255.255',
  '2606:4700::1111',
  '2001:4860:4860::8888',
  '2a00:1450:4001:82b::200e',
  '2001:db9::1',
  '::ffff:8.8.8.8',
  '::ffff:808:808',
  '64:ff9b::8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
];

describe('isPrivateAddress', () => {
  it.each(NOT_PUBLIC)('%s (%s) is not contacted', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(PUBLIC)('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

/** A resolver that answers every name with the given addresses. */
function resolvingTo(...addresses: LookupAddress[]): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  }) as unknown as LookupFunction;
}

function resolve(lookup: LookupFunction, all: boolean): Promise<{ error: NodeJS.ErrnoException | null; result: unknown }> {
  return new Promise((done) => lookup('site.example', { all } as never, (error, result) => done({ error, result })));
}

describe('privateGuardedLookup', () => {
  it('refuses a name that resolves to a private address in any spelling, also among public ones', async () => {
    for (const answer of [
      [{ address: '::ffff:7f00:1', family: 6 }],
      [{ address: '64:ff9b::a9fe:a9fe', family: 6 }],
      [{ address: '2002:c0a8:101::1', family: 6 }],
      [{ address: '8.8.8.8', family: 4 }, { address: '::ffff:127.0.0.1', family: 6 }],
      [],
    ]) {
      for (const all of [true, false]) {
        if (answer.length === 0 && !all) continue;
        const { error } = await resolve(privateGuardedLookup(resolvingTo(...answer)), all);
        expect(error?.code, JSON.stringify(answer)).toBe('EPRIVATE');
      }
    }
  });

  it('passes public answers through, in the shape that was asked for', async () => {
    const answer = [{ address: '2606:4700::1111', family: 6 }, { address: '1.1.1.1', family: 4 }];
    expect(await resolve(privateGuardedLookup(resolvingTo(...answer)), true)).toEqual({ error: null, result: answer });
    expect(await resolve(privateGuardedLookup(resolvingTo(...answer)), false)).toEqual({ error: null, result: '2606:4700::1111' });
  });
});
