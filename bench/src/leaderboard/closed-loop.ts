/**
 * A closed-loop HTTP sender: `concurrency` requests in flight, each sent as soon as
 * the one before it on its lane is answered, for `seconds`. With 1 in flight the
 * latency is one request's own cost; with more, the throughput the server reaches
 * and the latency at that load. (The open loop of web/open-loop.ts needs a rate chosen
 * ahead; the pages measured here differ in cost by three orders of magnitude.)
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { percentile } from '../stats';
import type { OpenLoopRequest } from '../web/open-loop';

export interface ClosedLoopResult {
  concurrency: number;
  /** answered with a 2xx and accepted by the check */
  ok: number;
  /** by status code, check failure or error name */
  errors: Record<string, number>;
  /** answers (any) per second of the run */
  throughput: number;
  /** ms from sending to the last byte of the answer, ok answers only */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** wall time of the run, ms (the last requests finish after `seconds`) */
  wallMs: number;
}

export async function closedLoop(opts: {
  origin: string;
  concurrency: number;
  seconds: number;
  /** the i-th request of the run (i counts over every lane) */
  request: (i: number) => OpenLoopRequest;
  check: (status: number, body: string) => string | undefined;
  /** a request still unanswered this long after it was sent is a timeout */
  timeoutMs?: number;
}): Promise<ClosedLoopResult> {
  const pool = new Pool(opts.origin, {
    connections: opts.concurrency,
    pipelining: 1,
    headersTimeout: opts.timeoutMs ?? 60_000,
    bodyTimeout: opts.timeoutMs ?? 60_000,
  });
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const fail = (k: string) => void (errors[k] = (errors[k] ?? 0) + 1);
  let next = 0;
  let answered = 0;
  const start = performance.now();
  const until = start + opts.seconds * 1000;
  const lane = async () => {
    while (performance.now() < until) {
      const r = opts.request(next++);
      const t0 = performance.now();
      try {
        const res = await pool.request({
          method: r.method,
          path: r.path,
          headers: r.headers,
          body: r.body,
        });
        const body = await res.body.text();
        answered++;
        if (res.statusCode < 200 || res.statusCode >= 300) fail(String(res.statusCode));
        else {
          const bad = opts.check(res.statusCode, body);
          if (bad) fail(bad);
          else latencies.push(performance.now() - t0);
        }
      } catch (e) {
        fail((e as Error).name || 'error');
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
  const wallMs = performance.now() - start;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    concurrency: opts.concurrency,
    ok: latencies.length,
    errors,
    throughput: answered / (wallMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    wallMs,
  };
}
