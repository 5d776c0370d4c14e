/**
 * The chat bench's bots, spread over `threads` worker threads (round robin), each bot
 * connected to the sim process that runs its district; driven from the main thread.
 */
import { Worker } from 'node:worker_threads';
import type { BotIdentity } from '../population';
import type { ConnectReport } from '../swarm';
import { count } from '../stats';
import type {
  ArmRequest,
  ChatReply,
  ChatRequest,
  ChatThreadResult,
  ChatWorkerData,
} from './protocol';

const workerUrl = new URL('./worker.ts', import.meta.url);
const tsxApi = import.meta.resolve('tsx/esm/api');

class ChatThread {
  private readonly worker: Worker;
  private pending: ((r: ChatReply) => void)[] = [];
  private failed: Error | null = null;
  done = 0;

  constructor(data: ChatWorkerData, onProgress: () => void) {
    // tsx's loader hooks do not reach worker threads: register them there, then load the .ts entry
    const boot =
      `import(${JSON.stringify(tsxApi)})` +
      `.then((tsx) => tsx.register())` +
      `.then(() => import(${JSON.stringify(workerUrl.href)}))`;
    this.worker = new Worker(boot, { eval: true, workerData: data });
    this.worker.on('message', (r: ChatReply) => {
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

  async request(req: ChatRequest): Promise<ChatReply> {
    if (this.failed) throw this.failed;
    const reply = new Promise<ChatReply>((resolve) => this.pending.push(resolve));
    this.worker.postMessage(req);
    const r = await reply;
    if (this.failed) throw this.failed;
    return r;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export interface FleetBot extends BotIdentity {
  /** which sim (index into `urls`) it connects to */
  sim: number;
}

export class ChatFleet {
  private readonly threads: ChatThread[];

  constructor(
    bots: readonly FleetBot[],
    opts: { urls: readonly string[]; secret: string; threads: number },
    onProgress?: (done: number) => void,
  ) {
    const k = Math.max(1, Math.min(opts.threads, bots.length));
    const progress = () => onProgress?.(this.threads.reduce((a, t) => a + t.done, 0));
    this.threads = Array.from({ length: k }, (_, t) => {
      const mine = bots.filter((_, i) => i % k === t);
      const groups = opts.urls
        .map((url, sim) => ({
          sim,
          url,
          identities: mine.filter((b) => b.sim === sim).map(({ sim: _s, ...id }) => id),
        }))
        .filter((g) => g.identities.length > 0);
      return new ChatThread({ groups, secret: opts.secret }, progress);
    });
  }

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

  /** Bot indices in the chat (their chat:history arrived) and connected. */
  async roster(): Promise<number[]> {
    const parts = await Promise.all(
      this.threads.map(async (t) => {
        const r = await t.request({ type: 'roster' });
        if (r.type !== 'roster') throw new Error(`unexpected reply ${r.type}`);
        return r.ready;
      }),
    );
    return parts.flat().sort((a, b) => a - b);
  }

  async arm(plan: Omit<ArmRequest, 'type'>): Promise<void> {
    await Promise.all(this.threads.map((t) => t.request({ type: 'arm', ...plan })));
  }

  async collect(): Promise<ChatThreadResult[]> {
    return Promise.all(
      this.threads.map(async (t) => {
        const r = await t.request({ type: 'collect' });
        if (r.type !== 'collected') throw new Error(`unexpected reply ${r.type}`);
        return r.result;
      }),
    );
  }

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
