import type { Push } from '@necp/shared';
import type { Tx } from '../core/deps';
import type { OutboxEvent, OutboxEventType } from './events';

/** What a subscriber may ask of the drain besides the transaction. */
export interface DeliveryContext {
  /**
   * Runs `fn` once the drain's transaction has committed with this subscriber's
   * work in it (never when it rolled back): tell players about what changed.
   * Errors thrown by `fn` are logged, not retried.
   */
  afterCommit(fn: () => void): void;
  /**
   * What the change means for players' sockets (packages/shared net/pushes.ts):
   * handed to the drain's push sink once the transaction has committed with this
   * subscriber's work in it — the same path a socket command's pushes take.
   */
  push(...pushes: Push[]): void;
}

export interface OutboxSubscriber<T extends OutboxEventType = OutboxEventType> {
  /** stable: consumption rows are keyed by it, so renaming one redelivers its history */
  name: string;
  types: readonly T[];
  /**
   * Runs in the event's transaction together with the consumption row: throw to
   * retry later (after a backoff). Takes row locks in the order of core/lock-order.ts
   * (every character the event touches first, in id order); a deadlock or
   * serialization failure it runs into reruns the whole transaction at once.
   */
  handle(tx: Tx, event: OutboxEvent<T>, ctx: DeliveryContext): Promise<void>;
}

/**
 * The subscribers one process delivers to. Passed around explicitly (the worker,
 * tests) instead of a module-level registry, so each test has its own set.
 */
export class OutboxSubscribers {
  private readonly list: OutboxSubscriber[] = [];

  subscribe<T extends OutboxEventType>(s: OutboxSubscriber<T>): this {
    if (this.list.some((x) => x.name === s.name))
      throw new Error(`outbox subscriber ${s.name} registered twice`);
    // the drain only hands a subscriber events of its own types
    this.list.push(s as unknown as OutboxSubscriber);
    return this;
  }

  /** Subscribers interested in events of `type`. */
  forType(type: string): OutboxSubscriber[] {
    return this.list.filter((s) => (s.types as readonly string[]).includes(type));
  }

  get size(): number {
    return this.list.length;
  }
}
