/**
 * The bots of one run, spread over `threads` worker threads (round robin), driven
 * from the main thread: connect them all, reset their counters at the start of the
 * measured window, collect at its end, close.
 */
import { Worker } from 'node:worker_threads';
import type { BotIdentity } from './population';
import type { ConnectReport } from './swarm';
import type { SwarmReply, SwarmRequest, SwarmSnapshot, SwarmWorkerData } from './swarm-protocol';
import { count } from './stats';

const workerUrl = new URL('./swarm-worker.ts', import.meta.url);
const tsxApi = import.meta.resolve('tsx/esm/api');

class SwarmThread {
  private readonly worker: Worker;
  private pending: ((r: SwarmReply) => void)[] = [];
  private failed: Error | null = null;
  done = 0;

  constructor(data: SwarmWorkerData, onProgress: () => void) {
    // tsx's loader hooks do not reach worker threads: register them there, then load the .ts entry
    const boot =
      `import(${JSON.stringify(tsxApi)})` +
      `.then((tsx) => tsx.register())` +
      `.then(() => import(${JSON.stringify(workerUrl.href)}))`;
    this.worker = new Worker(boot, { eval: true, workerData: data });
    this.worker.on('message', (r: SwarmReply) => {
      if (r.type === 'progress') {
        this.done = r.done;
        onProgress();
      } else this.pending.shift()?.(r);
    });
    this.worker.on('error', (err) => {
      this.failed = err;
      for (const p of this.pending.splice(0)) p({ type: 'ok' });
    });
  }

  /** Sends `req` and resolves with the worker's reply (requests are answered in order). */
  async request(req: SwarmRequest): Promise<SwarmReply> {
    if (this.failed) throw this.failed;
    const reply = new Promise<SwarmReply>((resolve) => this.pending.push(resolve));
    this.worker.postMessage(req);
    const r = await reply;
    if (this.failed) throw this.failed;
    return r;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export class BotFleet {
  private readonly threads: SwarmThread[];

  constructor(
    identities: readonly BotIdentity[],
    opts: Omit<SwarmWorkerData, 'identities'> & { threads: number },
    onProgress?: (done: number) => void,
  ) {
    const { threads, ...common } = opts;
    const k = Math.max(1, Math.min(threads, identities.length));
    const shares = Array.from({ length: k }, (_, t) => identities.filter((_, i) => i % k === t));
    const progress = () => onProgress?.(this.threads.reduce((a, t) => a + t.done, 0));
    this.threads = shares.map(
      (share) => new SwarmThread({ ...common, identities: share }, progress),
    );
  }

  /** Connects every bot; the total pace is `perSecond`, shared between the threads. */
  async connect(perSecond: number): Promise<ConnectReport> {
    const per = perSecond / this.threads.length;
    const reports = await Promise.all(
      this.threads.map(async (t) => {
        const r = await t.request({ type: 'connect', perSecond: per });
        if (r.type !== 'connected') throw new Error(`unexpected reply ${r.type}`);
        return r.report;
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

  async reset(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.request({ type: 'reset' })));
  }

  async collect(): Promise<SwarmSnapshot> {
    const parts = await Promise.all(
      this.threads.map(async (t) => {
        const r = await t.request({ type: 'collect' });
        if (r.type !== 'collected') throw new Error(`unexpected reply ${r.type}`);
        return r.snapshot;
      }),
    );
    return {
      counters: parts.flatMap((p) => p.counters),
      connected: parts.reduce((a, p) => a + p.connected, 0),
      disconnects: parts.flatMap((p) => p.disconnects),
      kicked: parts.flatMap((p) => p.kicked),
      joinMs: parts.flatMap((p) => p.joinMs),
    };
  }

  /** Closes every bot's socket, then ends the threads (also when a thread is stuck). */
  async close(): Promise<void> {
    await Promise.all(
      this.threads.map(async (t) => {
        await Promise.race([
          t.request({ type: 'close' }).catch(() => undefined),
          new Promise((r) => setTimeout(r, 5_000)),
        ]);
        await t.terminate();
      }),
    );
  }
}
