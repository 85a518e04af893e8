/**
 * Runs `work` and measures the longest stretch main's event loop could not turn meanwhile (the gaps
 * between the ticks of a 1 ms timer): what a user feels as a frozen app. Each gap is counted in the CPU
 * time this process used during it, capped by its wall-clock length: on a shared machine the OS also
 * gives other processes the cores, and a gap the process spent waiting for a core is not work that
 * blocked main. (A file that keeps main busy for seconds uses those seconds of CPU: it still fails.)
 */
export async function longestBlock<T>(work: () => Promise<T>): Promise<{ outcome: T | Error; blockedMs: number; wallMs: number }> {
  let blockedMs = 0;
  let wallMs = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    wallMs = Math.max(wallMs, now - last);
    blockedMs = Math.max(blockedMs, Math.min(now - last, (cpu.user + cpu.system) / 1000));
    last = now;
    lastCpu = process.cpuUsage();
  };
  const timer = setInterval(tick, 1);
  let outcome: T | Error;
  try {
    outcome = await work();
  } catch (error) {
    outcome = error as Error;
  }
  tick(); // a block at the very end counts too
  clearInterval(timer);
  return { outcome, blockedMs, wallMs };
}

/** The most main may be kept from turning by any one call with outside data (issue #15). */
export const MAX_BLOCK_MS = 200;
