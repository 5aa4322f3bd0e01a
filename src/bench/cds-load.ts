import { readFileSync } from 'node:fs';
import { percentile, round } from './stats.js';

/** Latency figures of one bounded-duration load phase. */
export interface PhaseResult {
  concurrency: number;
  seconds: number;
  requests: number;
  errors: number;
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Server CPU time (user + system) per measured request, in ms: robust to other load on the machine. */
  serverCpuMsPerRequest: number | null;
}

/**
 * Runs `concurrency` workers posting `body` to `url` for `seconds` (after `warmupSeconds`), on keep-alive fetch; with
 * `serverPid`, also prices the server's CPU time per request.
 */
export async function runPhase(options: {
  url: string;
  body: string;
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  serverPid?: number;
}): Promise<PhaseResult> {
  const times: number[] = [];
  let errors = 0;
  const post = async (): Promise<number> => {
    const t = performance.now();
    const res = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: options.body,
    });
    await res.arrayBuffer();
    if (res.status !== 200) {
      errors += 1;
    }
    return performance.now() - t;
  };
  const warmupEnd = performance.now() + options.warmupSeconds * 1000;
  const end = warmupEnd + options.seconds * 1000;
  const worker = async (): Promise<void> => {
    for (;;) {
      const started = performance.now();
      if (started >= end) {
        return;
      }
      const ms = await post();
      if (started >= warmupEnd) {
        times.push(ms);
      }
    }
  };
  const errorsBefore = errors;
  const pid = options.serverPid;
  let cpuAtWarmupEnd: number | null = null;
  const cpuTimer = setTimeout(
    () => {
      cpuAtWarmupEnd = pid === undefined ? null : cpuMs(pid);
    },
    Math.max(0, warmupEnd - performance.now()),
  );
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  clearTimeout(cpuTimer);
  const cpuAtEnd = pid === undefined ? null : cpuMs(pid);
  const cpuUsed = cpuAtWarmupEnd === null || cpuAtEnd === null ? null : cpuAtEnd - cpuAtWarmupEnd;
  return {
    concurrency: options.concurrency,
    seconds: options.seconds,
    requests: times.length,
    errors: errors - errorsBefore,
    reqPerSec: round(times.length / options.seconds, 1),
    p50Ms: round(percentile(times, 50), 2),
    p95Ms: round(percentile(times, 95), 2),
    p99Ms: round(percentile(times, 99), 2),
    serverCpuMsPerRequest: cpuUsed === null || times.length === 0 ? null : round(cpuUsed / times.length, 2),
  };
}

/** Resident set size of a process in MB (Linux /proc), or null when unavailable. */
export function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb === undefined ? null : round(Number(kb) / 1024, 1);
  } catch {
    return null;
  }
}

/** User + system CPU time a process has used so far, in ms (Linux /proc, 100 Hz ticks), or null when unavailable. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15 (1-based).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `intervalMs` until stopped; returns the samples in MB. */
export function sampleRss(pid: number, intervalMs = 500): { stop(): number[] } {
  const samples: number[] = [];
  const timer = setInterval(() => {
    const mb = rssMb(pid);
    if (mb !== null) {
      samples.push(mb);
    }
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}
