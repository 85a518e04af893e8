import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Set by scripts/private-network.ts inside the namespace it made. */
export const PRIVATE_NETWORK_ENV = 'STUDYSHELF_PRIVATE_NETWORK';
/** Set by scripts/private-network.ts when it could not make one: why. */
export const UNAVAILABLE_ENV = 'STUDYSHELF_PRIVATE_NETWORK_UNAVAILABLE';

/**
 * The interfaces of this process's network namespace, from /proc/net/dev (a per-namespace view).
 * Not /sys/class/net: sysfs shows the namespace it was mounted in, so after `unshare -n` it still
 * lists the host's eth0.
 */
export function interfacesFromProcNetDev(text: string): string[] {
  return text
    .split('\n')
    .slice(2)
    .map((line) => line.split(':')[0]!.trim())
    .filter((name) => name.length > 0);
}

/** The interfaces `ip -o link` lists ("1: lo: <LOOPBACK,UP> …"; "3: eth0@if4: …" for a veth). */
export function interfacesFromIpLink(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /^\d+:\s*([^:@\s]+)/.exec(line)?.[1])
    .filter((name): name is string => !!name);
}

export interface NetworkView {
  procNetDev: () => string;
  ipLink: () => string;
}

const realView: NetworkView = {
  procNetDev: () => readFileSync('/proc/net/dev', 'utf8'),
  ipLink: () => execFileSync('ip', ['-o', 'link'], { encoding: 'utf8' }),
};

/**
 * Why Syncthing may not start here, or null when this process is in a network namespace whose only
 * interface is loopback. Two views must agree, so one unreadable source cannot pass it by accident.
 */
export function privateNetworkProblem(view: NetworkView = realView): string | null {
  const views: Array<[string, () => string, (text: string) => string[]]> = [
    ['/proc/net/dev', view.procNetDev, interfacesFromProcNetDev],
    ['ip -o link', view.ipLink, interfacesFromIpLink],
  ];
  for (const [what, read, parse] of views) {
    let names: string[];
    try {
      names = parse(read());
    } catch (error) {
      return `${what} could not be read (${error instanceof Error ? error.message : String(error)})`;
    }
    const others = names.filter((name) => name !== 'lo');
    if (others.length > 0) return `this process can reach network interfaces other than loopback (${others.join(', ')}, seen in ${what})`;
    if (!names.includes('lo')) return `${what} shows no loopback interface`;
  }
  return null;
}

/** Throws unless this process is inside a loopback-only namespace: called before Syncthing is ever run. */
export function assertPrivateNetwork(view?: NetworkView): void {
  const problem = privateNetworkProblem(view);
  if (problem) throw new Error(`Refusing to start Syncthing: ${problem}. Run it through scripts/private-network.ts (unshare -n).`);
}

let told = false;

/** The skip reason, printed once per process (the list reporter shows "skipped" without it). */
export function syncthingSkipReasonTold(): string | null {
  const reason = syncthingSkipReason();
  if (reason && !told) {
    told = true;
    console.log(`Syncthing e2e skipped: ${reason}`);
  }
  return reason;
}

/**
 * Why the Syncthing tests cannot run in this environment (they are then skipped with this reason), or
 * null when they can: inside the namespace private-network.ts made, and Syncthing installed.
 */
export function syncthingSkipReason(view?: NetworkView): string | null {
  const prefix = 'Syncthing runs only inside a private network namespace (unshare -n), not available here';
  if (process.env[PRIVATE_NETWORK_ENV] !== '1') {
    return `${prefix}: ${process.env[UNAVAILABLE_ENV] ?? 'not started through scripts/private-network.ts'}`;
  }
  const problem = privateNetworkProblem(view);
  if (problem) return `${prefix}: ${problem}`;
  try {
    execFileSync('syncthing', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'Syncthing is not installed (apt-get install syncthing)';
  }
  return null;
}
