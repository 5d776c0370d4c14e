/** Timing and counting of the bench's calls: each call's latency and how it ended. */
import { performance } from 'node:perf_hooks';
import { NAME_SAFE_LETTERS } from '@necp/db/testing';
import { isDomainError } from '@necp/game';
import { percentile } from '../stats';

/** the bench's character names (createTestCharacter: C + 10 letters) and amounts, as one */
const NAME = new RegExp(`\\bC[${NAME_SAFE_LETTERS}]{10}\\b`, 'g');
const wording = (m: string) => m.replace(NAME, '<name>').replace(/\d[\d,]*/g, 'N');

export type Outcome = 'ok' | 'refused' | 'failed';

export interface KindStats {
  calls: number;
  ok: number;
  /** a domain refusal a player would read (busy, outbid, out of stock …) */
  refused: number;
  /** anything else: a bug, counted and its first message kept */
  failed: number;
  p50: number;
  p99: number;
  max: number;
  firstFailure?: string;
  /** the refusals' messages (what the player reads) and how often each came */
  reasons: Record<string, number>;
}

export interface RecorderDump {
  times: Record<string, number[]>;
  ends: Record<string, Record<Outcome, number>>;
  failures: Record<string, string>;
  reasons: Record<string, Record<string, number>>;
}

export class Recorder {
  private readonly times = new Map<string, number[]>();
  private readonly ends = new Map<string, Record<Outcome, number>>();
  private readonly failures = new Map<string, string>();
  private readonly reasons = new Map<string, Record<string, number>>();
  /** each kind's first failure with its stack: what to look at when a call broke */
  readonly failureStacks = new Map<string, string>();
  /** every call's start (performance.now()) and latency, in the order they ended */
  private readonly spans: { at: number; ms: number }[] = [];

  async call<T>(kind: string, fn: () => Promise<T>): Promise<T | undefined> {
    const t0 = performance.now();
    let outcome: Outcome = 'ok';
    try {
      return await fn();
    } catch (e) {
      outcome = isDomainError(e) ? 'refused' : 'failed';
      if (isDomainError(e)) {
        const r = this.reasons.get(kind) ?? {};
        const why = wording(e.userMessage);
        r[why] = (r[why] ?? 0) + 1;
        this.reasons.set(kind, r);
      }
      if (outcome === 'failed' && !this.failures.has(kind)) {
        this.failures.set(kind, e instanceof Error ? e.message.slice(0, 300) : String(e));
        this.failureStacks.set(kind, e instanceof Error ? (e.stack ?? e.message) : String(e));
      }
      return undefined;
    } finally {
      const ms = performance.now() - t0;
      this.spans.push({ at: t0, ms });
      if (!this.times.has(kind)) this.times.set(kind, []);
      this.times.get(kind)!.push(ms);
      const e = this.ends.get(kind) ?? { ok: 0, refused: 0, failed: 0 };
      e[outcome]++;
      this.ends.set(kind, e);
    }
  }

  stats(): Record<string, KindStats> {
    const out: Record<string, KindStats> = {};
    for (const [kind, t] of this.times) {
      const e = this.ends.get(kind)!;
      out[kind] = {
        calls: t.length,
        ...e,
        p50: percentile(t, 50),
        p99: percentile(t, 99),
        max: Math.max(...t),
        reasons: this.reasons.get(kind) ?? {},
        ...(this.failures.has(kind) ? { firstFailure: this.failures.get(kind)! } : {}),
      };
    }
    return out;
  }

  /** What another process recorded, in a form that crosses a pipe (JSON). */
  dump(): RecorderDump {
    return {
      times: Object.fromEntries(this.times),
      ends: Object.fromEntries(this.ends),
      failures: Object.fromEntries(this.failures),
      reasons: Object.fromEntries(this.reasons),
    };
  }

  /** Adds another process's calls to these (the two-process paced phase). */
  absorb(d: RecorderDump) {
    for (const [kind, t] of Object.entries(d.times))
      this.times.set(kind, [...(this.times.get(kind) ?? []), ...t]);
    for (const [kind, e] of Object.entries(d.ends)) {
      const mine = this.ends.get(kind) ?? { ok: 0, refused: 0, failed: 0 };
      for (const k of ['ok', 'refused', 'failed'] as const) mine[k] += e[k];
      this.ends.set(kind, mine);
    }
    for (const [kind, m] of Object.entries(d.failures))
      if (!this.failures.has(kind)) this.failures.set(kind, m);
    for (const [kind, r] of Object.entries(d.reasons)) {
      const mine = this.reasons.get(kind) ?? {};
      for (const [why, n] of Object.entries(r)) mine[why] = (mine[why] ?? 0) + n;
      this.reasons.set(kind, mine);
    }
  }

  /**
   * p99 of the calls sent in each second from `from` (performance.now()): whether a tail is
   * a warm-up, a stall or the whole run. This process's calls only.
   */
  p99BySecond(from: number): number[] {
    const seconds: number[][] = [];
    for (const s of this.spans) (seconds[Math.floor((s.at - from) / 1000)] ??= []).push(s.ms);
    return Array.from(seconds, (t) => (t ? percentile(t, 99) : 0));
  }

  /**
   * p99 of the calls sent `skipMs` or more after `from` (performance.now()): a running
   * server's, without the first seconds (connections opened, each preparing the mix's
   * statements for the first time; a second run on the same pool has no such start).
   */
  p99After(from: number, skipMs: number): number {
    return percentile(this.msAfter(from, skipMs), 99);
  }

  /** The latencies of the calls sent `skipMs` or more after `from` (to merge processes'). */
  msAfter(from: number, skipMs: number): number[] {
    return this.spans.filter((s) => s.at - from >= skipMs).map((s) => s.ms);
  }

  /** every call of all kinds */
  all(): { p50: number; p99: number; calls: number } {
    const t = [...this.times.values()].flat();
    return { p50: percentile(t, 50), p99: percentile(t, 99), calls: t.length };
  }
}

/** Runs `jobs` with at most `width` in flight at once. */
export async function pool(width: number, jobs: readonly (() => Promise<unknown>)[]) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, jobs.length) }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
}
