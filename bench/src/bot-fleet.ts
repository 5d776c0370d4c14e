/**
 * The bots of one run, spread over `threads` worker threads (round robin), driven
 * from the main thread: connect them all, reset their counters at the start of the
 * measured window, collect at its end, close. The thread plumbing is bot-threads.ts.
 */
import type { BotIdentity } from './population';
import type { ConnectReport } from './swarm-protocol';
import type { SwarmReply, SwarmRequest, SwarmSnapshot, SwarmWorkerData } from './swarm-protocol';
import { BotThread, closeThreads, connectThreads, connectedSoFar, roundRobin } from './bot-threads';

const workerUrl = new URL('./swarm-worker.ts', import.meta.url);

export class BotFleet {
  private readonly threads: BotThread<SwarmRequest, SwarmReply>[];

  constructor(
    identities: readonly BotIdentity[],
    opts: Omit<SwarmWorkerData, 'identities'> & { threads: number },
    onProgress?: (done: number) => void,
  ) {
    const { threads, ...common } = opts;
    const progress = () => onProgress?.(connectedSoFar(this.threads));
    this.threads = roundRobin(identities, threads).map(
      (share) =>
        new BotThread<SwarmRequest, SwarmReply>(
          workerUrl,
          { ...common, identities: share } satisfies SwarmWorkerData,
          progress,
        ),
    );
  }

  /** Connects every bot; the total pace is `perSecond`, shared between the threads. */
  connect(perSecond: number): Promise<ConnectReport> {
    return connectThreads(this.threads, perSecond);
  }

  async reset(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.request({ type: 'reset' })));
  }

  async collect(): Promise<SwarmSnapshot> {
    const parts = await Promise.all(
      this.threads.map(async (t) => (await t.ask({ type: 'collect' }, 'collected')).snapshot),
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
  close(): Promise<void> {
    return closeThreads(this.threads);
  }
}
