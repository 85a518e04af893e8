import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { interfacesFromIpLink, interfacesFromProcNetDev, privateNetworkProblem } from '../../../support/syncthing-guard';
import { ephemeralPorts, freePort, startSyncthingPair } from '../../../support/syncthing';
import { tempDir } from '../../helpers';

// The guard in front of every start of Syncthing in the tests: only inside a network namespace whose
// one interface is loopback (scripts/private-network.ts makes it with `unshare -n`).

const PROC_HEADER = 'Inter-|   Receive    |  Transmit\n face |bytes    packets|bytes    packets\n';
const HOST = {
  procNetDev: () => `${PROC_HEADER}    lo:    3193      29     3193      29\n  eth0: 1234567   8910   765432    1098\n`,
  ipLink: () => '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536\\    link/loopback\n2: eth0@if7: <BROADCAST,MULTICAST,UP> mtu 1500\\    link/ether\n',
};
const NAMESPACE = {
  procNetDev: () => `${PROC_HEADER}    lo:       0       0        0       0\n`,
  ipLink: () => '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue\\    link/loopback 00:00:00:00:00:00\n',
};

describe('the private-network guard', () => {
  it('reads the interface names of /proc/net/dev and of ip -o link', () => {
    expect(interfacesFromProcNetDev(HOST.procNetDev())).toEqual(['lo', 'eth0']);
    expect(interfacesFromIpLink(HOST.ipLink())).toEqual(['lo', 'eth0']);
  });

  it('lets Syncthing start only where loopback is the one interface', () => {
    expect(privateNetworkProblem(NAMESPACE)).toBeNull();
    expect(privateNetworkProblem(HOST)).toMatch(/other than loopback \(eth0/);
  });

  it('refuses when either view shows another interface, or cannot be read', () => {
    expect(privateNetworkProblem({ ...NAMESPACE, ipLink: HOST.ipLink })).toMatch(/eth0, seen in ip -o link/);
    expect(privateNetworkProblem({ ...NAMESPACE, procNetDev: HOST.procNetDev })).toMatch(/eth0, seen in \/proc\/net\/dev/);
    expect(privateNetworkProblem({ ...NAMESPACE, ipLink: () => { throw new Error('ip: not found'); } })).toMatch(/ip -o link could not be read \(ip: not found\)/);
    expect(privateNetworkProblem({ procNetDev: () => PROC_HEADER, ipLink: () => '' })).toMatch(/no loopback/);
  });

  it('this test process, outside the namespace, is refused before anything of Syncthing runs', async () => {
    if (privateNetworkProblem() === null) return; // run inside the namespace: nothing to refuse here
    const root = await tempDir();
    await expect(startSyncthingPair({ folders: [`${root}/a`, `${root}/b`] })).rejects.toThrow(/^Refusing to start Syncthing: this process can reach network interfaces other than loopback/);
    expect(await readdir(root)).toEqual([]); // no folder, no key, no config made
  });
});

// Found in CI: one daemon's API could not listen on the port it was given, because the other daemon,
// dialling it, had just been given that port by the kernel as its own end of the connection.
describe('the ports the test daemons listen on', () => {
  it('are distinct and never from the range the kernel gives outgoing connections', async () => {
    const { low, high } = await ephemeralPorts();
    const ports = await Promise.all(Array.from({ length: 40 }, () => freePort()));
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) expect(port < low || port > high).toBe(true);
  });
});
