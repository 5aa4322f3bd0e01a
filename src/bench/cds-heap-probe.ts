// Loaded into the bench's `vitalis serve` child (`--expose-gc --import`): answers a `heap` IPC message with the heap
// figures after a full garbage collection, so the bench can tell a leak from garbage that was not yet collected.

/** What the probe sends back, in MB. */
export interface HeapSample {
  heapUsedMb: number;
  externalMb: number;
  rssMb: number;
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

process.on('message', (message: unknown) => {
  if (message !== 'heap') {
    return;
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const usage = process.memoryUsage();
  const sample: HeapSample = { heapUsedMb: mb(usage.heapUsed), externalMb: mb(usage.external), rssMb: mb(usage.rss) };
  process.send?.(sample);
});
// The IPC channel must not keep the server alive on its own.
process.channel?.unref();
