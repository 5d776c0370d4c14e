/**
 * The chat bench's bots, spread over `threads` worker threads (round robin), each bot
 * connected to the sim process that runs its district; driven from the main thread.
 * The thread plumbing is ../bot-threads.ts.
 */
import type { BotIdentity } from '../population';
import type { ConnectReport } from '../swarm-protocol';
import {
  BotThread,
  closeThreads,
  connectThreads,
  connectedSoFar,
  roundRobin,
} from '../bot-threads';
import type {
  ArmRequest,
  ChatReply,
  ChatRequest,
  ChatThreadResult,
  ChatWorkerData,
} from './protocol';

const workerUrl = new URL('./worker.ts', import.meta.url);

export interface FleetBot extends BotIdentity {
  /** which sim (index into `urls`) it connects to */
  sim: number;
}

export class ChatFleet {
  private readonly threads: BotThread<ChatRequest, ChatReply>[];

  constructor(
    bots: readonly FleetBot[],
    opts: { urls: readonly string[]; secret: string; threads: number },
    onProgress?: (done: number) => void,
  ) {
    const progress = () => onProgress?.(connectedSoFar(this.threads));
    this.threads = roundRobin(bots, opts.threads).map((mine) => {
      const groups = opts.urls
        .map((url, sim) => ({
          sim,
          url,
          identities: mine.filter((b) => b.sim === sim).map(({ sim: _s, ...id }) => id),
        }))
        .filter((g) => g.identities.length > 0);
      const data: ChatWorkerData = { groups, secret: opts.secret };
      return new BotThread<ChatRequest, ChatReply>(workerUrl, data, progress);
    });
  }

  connect(perSecond: number): Promise<ConnectReport> {
    return connectThreads(this.threads, perSecond);
  }

  /** Bot indices in the chat (their chat:history arrived) and connected. */
  async roster(): Promise<number[]> {
    const parts = await Promise.all(
      this.threads.map(async (t) => (await t.ask({ type: 'roster' }, 'roster')).ready),
    );
    return parts.flat().sort((a, b) => a - b);
  }

  async arm(plan: Omit<ArmRequest, 'type'>): Promise<void> {
    await Promise.all(this.threads.map((t) => t.request({ type: 'arm', ...plan })));
  }

  async collect(): Promise<ChatThreadResult[]> {
    return Promise.all(
      this.threads.map(async (t) => (await t.ask({ type: 'collect' }, 'collected')).result),
    );
  }

  close(): Promise<void> {
    return closeThreads(this.threads);
  }
}
