/**
 * Runs `work` and measures the longest stretch main's event loop could not turn meanwhile (the gaps
 * between the ticks of a 1 ms timer): what a user feels as a frozen app. Each gap is counted in the CPU
 * time this process used during it, capped by its wall-clock length: on a shared machine the OS also
 * gives other processes the cores, and a gap the process spent waiting for a core is not work that
 * blocked main. (A file that keeps main busy for seconds uses those seconds of CPU: it still fails.)
 * The CPU time is main's own thread's where Node can tell it (process.threadCpuUsage, Node 23.9+): the
 * process's total also holds V8's compiler and GC helper threads and libuv's pool, which run beside
 * main — under load they made a 150 ms parse read as 350 ms.
 */
export async function longestBlock<T>(work: () => Promise<T>): Promise<{ outcome: T | Error; blockedMs: number; wallMs: number }> {
  let blockedMs = 0;
  let wallMs = 0;
  let last = performance.now();
  let lastCpu = mainThreadCpu();
  const tick = () => {
    const now = performance.now();
    const cpu = mainThreadCpu(lastCpu);
    wallMs = Math.max(wallMs, now - last);
    blockedMs = Math.max(blockedMs, Math.min(now - last, (cpu.user + cpu.system) / 1000));
    last = now;
    lastCpu = mainThreadCpu();
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

/** This thread's CPU time (all threads' on a Node without process.threadCpuUsage). */
export function mainThreadCpu(since?: NodeJS.CpuUsage): NodeJS.CpuUsage {
  const threadCpu = (process as { threadCpuUsage?: (previous?: NodeJS.CpuUsage) => NodeJS.CpuUsage }).threadCpuUsage;
  return threadCpu ? threadCpu.call(process, since) : process.cpuUsage(since);
}

/** The most main may be kept from turning by any one call with outside data (issue #15). */
export const MAX_BLOCK_MS = 200;
