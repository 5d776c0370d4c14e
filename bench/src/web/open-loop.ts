/**
 * An open-loop HTTP sender: request i is due at start + i / rate whatever happened to
 * the ones before it, and its latency is counted from when it was due, not from when
 * it left — so a server that falls behind shows as queueing in the percentiles instead
 * of silently lowering the rate (a closed loop's "coordinated omission").
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { percentile } from '../stats';

export interface OpenLoopRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface OpenLoopResult {
  rate: number;
  seconds: number;
  sent: number;
  /** answered at all (any status) within the grace period */
  answered: number;
  /** answered with a 2xx within the grace period */
  ok: number;
  /** by status code or error name */
  errors: Record<string, number>;
  /** answered (any status) per second of the window */
  achievedRate: number;
  /** ms from due to the last byte of the answer, 2xx only */
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface OpenLoopOptions {
  origin: string;
  rate: number;
  seconds: number;
  /** the i-th request (a player's cookie, a move's slot) */
  request: (i: number) => OpenLoopRequest;
  /** answers still missing this long after the window are counted as timeouts */
  graceMs?: number;
  /** a 2xx answer whose body this refuses counts as an error named by the result */
  check?: (status: number, body: string) => string | undefined;
  connections?: number;
}

export async function openLoop(opts: OpenLoopOptions): Promise<OpenLoopResult> {
  // enough sockets that the sender never waits for one (a closed loop in disguise)
  const pool = new Pool(opts.origin, {
    connections: opts.connections ?? 512,
    pipelining: 1,
    keepAliveTimeout: 30_000,
  });
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  // after the grace period the pool is destroyed: what fails then is already a timeout
  let closed = false;
  const fail = (k: string): void => {
    if (!closed) errors[k] = (errors[k] ?? 0) + 1;
  };
  let answered = 0;
  let lastAnswerAt = 0;
  const inFlight = new Set<Promise<void>>();

  const send = (i: number, due: number) => {
    const r = opts.request(i);
    const p = pool
      .request({ method: r.method, path: r.path, headers: r.headers, body: r.body })
      .then(async (res) => {
        const body = await res.body.text();
        const end = performance.now();
        answered++;
        lastAnswerAt = end;
        if (res.statusCode < 200 || res.statusCode >= 300) return fail(String(res.statusCode));
        const bad = opts.check?.(res.statusCode, body);
        if (bad) return fail(bad);
        latencies.push(end - due);
        return undefined;
      })
      .catch((e: unknown) => fail((e as Error).name || 'error'))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const start = performance.now() + 5;
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        send(next, start + next * interval);
        next++;
      }
      if (next >= total) return resolve();
      // a timer, not a setImmediate spin: spinning would take a whole core from
      // PostgreSQL, which shares the sender's CPU (a request leaves ≤ ~1 ms late, and
      // its latency still counts from when it was due)
      setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    tick();
  });
  const windowEnd = start + total * interval;
  const grace = opts.graceMs ?? 10_000;
  await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, grace))]);
  const timeouts = inFlight.size;
  if (timeouts > 0) errors.timeout = timeouts;
  closed = true;
  void pool.destroy();

  latencies.sort((a, b) => a - b);
  const seconds = (Math.max(windowEnd, lastAnswerAt) - start) / 1000;
  return {
    rate: opts.rate,
    seconds: opts.seconds,
    sent: total,
    answered,
    ok: latencies.length,
    errors,
    achievedRate: answered / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
  };
}
