/**
 * The one way the domain opens a transaction. Every transaction gets the same
 * limits (TX_OPTIONS), an isolation level when it asks for one, and is rerun after
 * a deadlock or a serialization failure (40P01, 40001; tx-retry.ts) — so the body
 * must do nothing outside the database that a rerun would repeat: it works on `tx`
 * and returns what happened, and its caller acts on that after the commit. Locks
 * inside are taken in the order of lock-order.ts. A write the database refused because
 * it touched an item held in a trade (core/item-reserved.ts) becomes that refusal; a
 * transaction that could not start in time, or ran out of it, or still collided after its
 * reruns, becomes UNAVAILABLE.
 */
import { runTransaction, type Prisma } from '@necp/db';
import type { Db, Tx } from './deps';
import { DomainError } from './errors';
import { isItemReservedError, itemReserved } from './item-reserved';
import { isTransientTxError, isTxTimeoutError, withTxRetry } from './tx-retry';

/** A transaction that could not start in time or ran past its limit (rolled back whole). */
export const serverBusy = () =>
  new DomainError(
    'UNAVAILABLE',
    'transaction did not start or finish in time',
    'The city is busy: try again in a moment.',
  );

/**
 * Interactive-transaction limits. Parallel requests on one character queue on its
 * row lock while holding a pooled connection, so waits are longer than Prisma's
 * defaults (2 s to start, 5 s to finish) allow under load.
 */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export interface TransactionOptions {
  /** PostgreSQL's default (read committed) unless a check needs a steadier view */
  isolation?: Prisma.TransactionIsolationLevel;
  /** how long the body may wait for a connection and run (ms; default TX_OPTIONS) */
  maxWaitMs?: number;
  timeoutMs?: number;
  /** reruns after a deadlock or serialization failure (default tx-retry.ts TX_RETRIES) */
  retries?: number;
  /**
   * The body writes raw statements only (the market's hot path): no Prisma transaction
   * around it (@necp/db runTransaction `direct`; a model call after all reruns the body
   * in Prisma's — slower, never wrong).
   */
  direct?: boolean;
  /**
   * With direct: the body runs one statement, alone — no BEGIN or COMMIT around it (a
   * statement is atomic by itself: two round trips saved). A second is refused.
   */
  alone?: boolean;
}

/**
 * The option of a body of raw statements only: the economy's transactions (market,
 * auction bids and buyouts, trades, crafting, contracts, notices) — docs/architecture.md.
 */
export const DIRECT: TransactionOptions = { direct: true };

/** The option of a body of one raw statement (notifyAll after a commit): DIRECT, alone. */
export const ONE_STATEMENT: TransactionOptions = { direct: true, alone: true };

/** Runs `body` in one transaction (see above); its result, or the error that ended it. */
export function inTransaction<T>(
  db: Pick<Db, '$transaction'>,
  body: (tx: Tx) => Promise<T>,
  o: TransactionOptions = {},
): Promise<T> {
  const options = {
    maxWait: o.maxWaitMs ?? TX_OPTIONS.maxWait,
    timeout: o.timeoutMs ?? TX_OPTIONS.timeout,
    ...(o.isolation ? { isolationLevel: o.isolation } : {}),
    ...(o.direct ? { direct: true } : {}),
    ...(o.direct && o.alone ? { alone: true } : {}),
  };
  return withTxRetry(
    () => runTransaction(db, body, options),
    o.retries === undefined ? {} : { retries: o.retries },
  ).catch((err: unknown) => {
    // a path that did not check touched an item held in a trade: the database refused
    if (isItemReservedError(err)) throw itemReserved();
    // the pool was full or the body ran too long under load: a refusal, not a crash
    if (isTxTimeoutError(err)) throw serverBusy();
    // still deadlocking (or losing a serialization race) after its reruns: the same
    if (isTransientTxError(err)) throw serverBusy();
    throw err;
  });
}
