/**
 * Bots in worker threads, driven from the main thread — what the fight/move/idle fleet
 * (bot-fleet.ts) and the chat fleet (chat/fleet.ts) share: starting a `.ts` worker
 * under tsx, requests answered in order, progress counts, a paced connect of every
 * thread with one merged report, and a close that does not hang on a stuck thread.
 * Each fleet keeps only its own messages (swarm-protocol.ts, chat/protocol.ts).
 */
import { Worker } from 'node:worker_threads';
import type { ConnectReport } from './swarm-protocol';
import { count } from './stats';

const tsxApi = import.meta.resolve('tsx/esm/api');

/** The requests every bot thread takes besides its own. */
export type CommonRequest = { type: 'connect'; perSecond: number } | { type: 'close' };

/** The replies every bot thread sends besides its own: progress, connected, ok. */
export type CommonReply =
  | { type: 'progress'; done: number }
  | { type: 'connected'; report: ConnectReport }
  | { type: 'ok' };

export class BotThread<Req extends { type: string }, Reply extends { type: string }> {
  private readonly worker: Worker;
  private pending: ((r: Reply | CommonReply) => void)[] = [];
  private failed: Error | null = null;
  /** bots connected so far (its last progress report) */
  done = 0;

  /** `entry`: the worker's .ts module (a URL); `data`: its workerData. */
  constructor(entry: URL, data: unknown, onProgress: () => void) {
    // tsx's loader hooks do not reach worker threads: register them there, then load the .ts entry
    const boot =
      `import(${JSON.stringify(tsxApi)})` +
      `.then((tsx) => tsx.register())` +
      `.then(() => import(${JSON.stringify(entry.href)}))`;
    this.worker = new Worker(boot, { eval: true, workerData: data });
    this.worker.on('message', (r: Reply | CommonReply) => {
      if (r.type === 'progress') {
        this.done = (r as { done: number }).done;
        onProgress();
      } else this.pending.shift()?.(r);
    });
    this.worker.on('error', (err) => {
      this.failed = err;
      for (const p of this.pending.splice(0)) p({ type: 'ok' });
    });
  }

  /** Sends `req` and resolves with the worker's reply (requests are answered in order). */
  async request(req: Req | CommonRequest): Promise<Reply | CommonReply> {
    if (this.failed) throw this.failed;
    const reply = new Promise<Reply | CommonReply>((resolve) => this.pending.push(resolve));
    this.worker.postMessage(req);
    const r = await reply;
    if (this.failed) throw this.failed;
    return r;
  }

  /** Sends `req` and returns the reply's payload when it is of type `type` (else throws). */
  async ask<T extends (Reply | CommonReply)['type']>(
    req: Req | CommonRequest,
    type: T,
  ): Promise<Extract<Reply | CommonReply, { type: T }>> {
    const r = await this.request(req);
    if (r.type !== type) throw new Error(`unexpected reply ${r.type}`);
    return r as Extract<Reply | CommonReply, { type: T }>;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Splits `items` round robin over at most `threads` shares (at least one). */
export function roundRobin<T>(items: readonly T[], threads: number): T[][] {
  const k = Math.max(1, Math.min(threads, items.length));
  return Array.from({ length: k }, (_, t) => items.filter((_, i) => i % k === t));
}

/** Bots connected over every thread (their progress reports). */
export const connectedSoFar = (threads: readonly { done: number }[]) =>
  threads.reduce((a, t) => a + t.done, 0);

/**
 * Connects every thread's bots at a total pace of `perSecond`, shared between the
 * threads; one report for all of them.
 */
export async function connectThreads<Req extends { type: string }, Reply extends { type: string }>(
  threads: readonly BotThread<Req, Reply>[],
  perSecond: number,
): Promise<ConnectReport> {
  const per = perSecond / threads.length;
  const reports = await Promise.all(
    threads.map(async (t) => {
      const r = await t.request({ type: 'connect', perSecond: per });
      if (r.type !== 'connected') throw new Error(`unexpected reply ${r.type}`);
      return (r as Extract<CommonReply, { type: 'connected' }>).report;
    }),
  );
  const failures: Record<string, number> = {};
  for (const r of reports) for (const [k, v] of Object.entries(r.failures)) count(failures, k, v);
  return {
    connected: reports.reduce((a, r) => a + r.connected, 0),
    failures,
    seconds: Math.max(...reports.map((r) => r.seconds)),
  };
}

/** Closes every bot's socket, then ends the threads (also when a thread is stuck). */
export async function closeThreads<Req extends { type: string }, Reply extends { type: string }>(
  threads: readonly BotThread<Req, Reply>[],
): Promise<void> {
  await Promise.all(
    threads.map(async (t) => {
      await Promise.race([
        t.request({ type: 'close' }).catch(() => undefined),
        new Promise((r) => setTimeout(r, 5_000)),
      ]);
      await t.terminate();
    }),
  );
}
