import { spawn, spawnSync } from 'node:child_process';

// `tsx scripts/private-network.ts <command> [args…]`: runs the command inside a private network
// namespace that has only loopback (`unshare -n`, then `ip link set lo up`), with
// STUDYSHELF_PRIVATE_NETWORK=1 so the Syncthing tests know they may start Syncthing. Traffic out of the
// machine is then impossible, not merely switched off in a config.
//
// Where no namespace can be made (no `unshare`, not root and no user namespaces, another OS), the
// command runs WITHOUT the namespace and without that variable, with STUDYSHELF_PRIVATE_NETWORK_UNAVAILABLE
// saying why: the Syncthing tests then report themselves skipped with that reason. Nothing here ever
// starts Syncthing itself.

const PRIVATE_NETWORK_ENV = 'STUDYSHELF_PRIVATE_NETWORK';
const UNAVAILABLE_ENV = 'STUDYSHELF_PRIVATE_NETWORK_UNAVAILABLE';

// Inside the namespace: loopback up, then the command (its exit code is ours).
const BRING_UP_LOOPBACK = 'ip link set lo up && exec "$@"';

/** The `unshare` flags that give a namespace here: root's, else one in a user namespace (root mapped). */
function namespaceFlags(): { flags: string[] } | { problem: string } {
  const problems: string[] = [];
  for (const flags of [['--net'], ['--map-root-user', '--net']]) {
    const probe = spawnSync('unshare', [...flags, 'sh', '-c', 'ip link set lo up'], { encoding: 'utf8' });
    if (probe.error) return { problem: `unshare could not be run (${probe.error.message})` };
    if (probe.status === 0) return { flags };
    problems.push(`unshare ${flags.join(' ')}: ${(probe.stderr || `exit ${probe.status}`).trim()}`);
  }
  return { problem: problems.join('; ') };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn(command, args, { stdio: 'inherit', env });
  // Ctrl+C reaches the whole foreground group anyway; a plain kill of this script is passed on.
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`private-network: ${command}: ${error.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}

function main(): void {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: tsx scripts/private-network.ts <command> [args…]');
    process.exit(2);
  }
  const env = { ...process.env };
  delete env[PRIVATE_NETWORK_ENV];
  delete env[UNAVAILABLE_ENV];
  const found = process.platform === 'linux' ? namespaceFlags() : { problem: `${process.platform} has no network namespaces` };
  if ('problem' in found) {
    console.error(`private-network: no private network namespace (${found.problem}); running without one, and the Syncthing tests skip.`);
    run(command, args, { ...env, [UNAVAILABLE_ENV]: found.problem });
    return;
  }
  run('unshare', [...found.flags, 'sh', '-c', BRING_UP_LOOPBACK, 'sh', command, ...args], { ...env, [PRIVATE_NETWORK_ENV]: '1' });
}

main();
