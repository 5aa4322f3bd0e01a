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
}

/** Runs `concurrency` workers posting `body` to `url` for `seconds` (after `warmupSeconds`), on keep-alive fetch. */
export async function runPhase(options: {
  url: string;
  body: string;
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
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
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  return {
    concurrency: options.concurrency,
    seconds: options.seconds,
    requests: times.length,
    errors: errors - errorsBefore,
    reqPerSec: round(times.length / options.seconds, 1),
    p50Ms: round(percentile(times, 50), 2),
    p95Ms: round(percentile(times, 95), 2),
    p99Ms: round(percentile(times, 99), 2),
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
