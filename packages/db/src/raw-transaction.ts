/**
 * A transaction's raw statements straight on its own connection. Prisma's client engine
 * spends ~0.45 ms of CPU on every statement of a transaction, `$queryRaw` included
 * (docs/perf.md, "The economy"): on the market's hot path that was 20 ms of a placement's
 * 21. `runTransaction` opens the transaction through Prisma as before — the model calls,
 * timeouts, rollback and commit stay Prisma's — and hands the body a `tx` whose
 * `$queryRaw`/`$executeRaw` (and their Unsafe forms) run on the same pg connection
 * directly. A transaction opened any other way (`db.$transaction` in a test) is Prisma's
 * alone, unchanged.
 *
 * How the connection is found: the adapter's `startTransaction` runs in the async
 * context of the `$transaction` call, so it leaves its connection in that context's
 * slot (AsyncLocalStorage). Once Prisma sends COMMIT or ROLLBACK (a timeout included)
 * the slot is closed: a raw statement after that is refused, never run on a connection
 * that went back to the pool.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { PrismaPg } from '@prisma/adapter-pg';
import { Prisma } from './generated/prisma/client';
import type { Db, Tx } from './db-types';
import { sendAfterBegin } from './after-begin';
import {
  AFTER_COMMIT,
  commitThenRead,
  readAfterPrisma,
  readAfterCommitOn,
  readOn,
  type AfterCommitRead,
} from './after-commit';
import { cancelRunning, connectWithin } from './pool-connection';
import { timestampParser } from './pg-types';
import { poolOf } from './read-rows';

interface Slot {
  conn?: pg.PoolClient;
  closed: boolean;
  /** the connection's statements one after another, Prisma's and ours (pg queues them, but
   * sending one while another runs is deprecated) */
  queue: Promise<unknown>;
  /** direct mode: the body reached for something only Prisma has (a model call) */
  needsPrisma?: boolean;
  /** direct mode: statements prepared by name on the connection (parsed and planned once) */
  prepared?: boolean;
  /** a prepared statement's result changed shape (a migration since): connection dropped */
  stale?: boolean;
  /** `alone`: the one statement allowed has been sent (a second is refused) */
  spent?: boolean;
  alone?: boolean;
  /** direct mode: the BEGIN not sent yet — it goes with the first statement (after-begin.ts) */
  begin?: string;
  /** the read to run once it commits (readAfterCommit: after-commit.ts) */
  afterCommit?: AfterCommitRead;
}

/** Runs `fn` after every statement queued on the slot before it. */
function inTurn<T>(slot: Slot, fn: () => Promise<T>): Promise<T> {
  const turn = slot.queue.then(fn, fn);
  slot.queue = turn.catch(() => undefined);
  return turn;
}

const opening = new AsyncLocalStorage<Slot>();

type AdapterTx = {
  client: pg.PoolClient;
  executeRaw(q: { sql: string }): Promise<number>;
  queryRaw(q: { sql: string }): Promise<unknown>;
};
type Adapter = { startTransaction(isolation?: string): Promise<AdapterTx> };

/** Wraps the adapter factory (createDb) so each transaction's connection is handed over. */
export function handOverConnections(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const a = adapter as unknown as Adapter;
    const start = a.startTransaction.bind(adapter);
    a.startTransaction = async (isolation) => {
      const t = await start(isolation);
      const slot = opening.getStore();
      if (slot && !slot.conn) {
        slot.conn = t.client;
        const execute = t.executeRaw.bind(t);
        const query = t.queryRaw.bind(t);
        t.executeRaw = (q) => {
          if (/^\s*(COMMIT|ROLLBACK)\b/i.test(q.sql)) slot.closed = true;
          return inTurn(slot, () => execute(q));
        };
        t.queryRaw = (q) => inTurn(slot, () => query(q));
      }
      return t;
    };
    return adapter;
  };
  return factory;
}

const DATE = 1082;
const INT8 = 20;
const NUMERIC = 1700;
const INT8_ARRAY = 1016;

/** Rows typed as Prisma's `$queryRaw` types them: int8 BigInt, numeric Decimal, UTC dates. */
const types = {
  getTypeParser(oid: number, format?: string) {
    const timestamp = timestampParser(oid);
    if (timestamp) return timestamp;
    if (oid === DATE) return (s: string) => new Date(`${s}T00:00:00Z`);
    if (oid === INT8) return (s: string) => BigInt(s);
    if (oid === NUMERIC) return (s: string) => new Prisma.Decimal(s);
    if (oid === INT8_ARRAY) {
      const strings = pg.types.getTypeParser(oid as never, 'text') as (
        s: string,
      ) => (string | null)[];
      return (s: string) => strings(s).map((v) => (v === null ? null : BigInt(v)));
    }
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** Parameters as Prisma's adapter sends them: dates as UTC timestamps, bigints as text. */
function param(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Prisma.Decimal) return v.toString();
  if (Array.isArray(v)) return v.map(param);
  return v;
}

/** What Prisma throws for a statement on a finished transaction: a P2028. */
const closedError = () =>
  Object.assign(new Error('Transaction API error: the transaction has already finished'), {
    code: 'P2028',
  });

type Query = { text: string; values: unknown[] };

function asQuery(first: unknown, rest: unknown[], unsafe: boolean): Query {
  if (unsafe) return { text: first as string, values: rest };
  if (first instanceof Prisma.Sql) return { text: first.text, values: first.values };
  const s = Prisma.sql(first as TemplateStringsArray, ...(rest as Prisma.Sql[]));
  return { text: s.text, values: s.values };
}

/** Statement texts and their names: bounded, past that they run unnamed. */
const names = new Map<string, string>();
const NAMES_MAX = 2_000;

function nameOf(text: string): string | undefined {
  const known = names.get(text);
  if (known || names.size >= NAMES_MAX) return known;
  const name = `necp_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

/** PostgreSQL's refusal of a prepared statement whose result changed shape (0A000). */
const isStalePlan = (e: unknown) =>
  (e as { code?: unknown }).code === '0A000' &&
  String((e as { message?: unknown }).message).includes('cached plan');

async function run(slot: Slot, q: Query): Promise<pg.QueryResult> {
  if (slot.closed || !slot.conn) throw closedError();
  if (slot.alone) {
    if (slot.spent) throw new Error('runTransaction alone: one statement only');
    slot.spent = true;
  }
  const conn = slot.conn;
  // named: PostgreSQL parses and plans it once per connection — about two fifths of its
  // CPU on the market's statements (docs/perf.md, "The economy")
  const name = slot.prepared ? nameOf(q.text) : undefined;
  const begin = slot.begin;
  slot.begin = undefined;
  return inTurn(slot, () =>
    sendAfterBegin(conn, { name, text: q.text, values: q.values.map(param), types }, begin),
  ).catch((e: unknown) => {
    if (name && isStalePlan(e)) slot.stale = true;
    throw e;
  });
}

const DIRECT = Symbol('necp.rawOnConnection');

/** True for a `tx` whose raw statements run on its connection directly (tests say so). */
export const runsRawDirectly = (tx: Tx): boolean =>
  (tx as unknown as Record<symbol, unknown>)[DIRECT] === true;

/** `tx` with its raw statements on the connection in `slot`; everything else is Prisma's. */
function rawOnConnection(tx: Tx, slot: Slot): Tx {
  const direct = {
    $queryRaw: async (first: unknown, ...rest: unknown[]) =>
      (await run(slot, asQuery(first, rest, false))).rows,
    $queryRawUnsafe: async (text: string, ...values: unknown[]) =>
      (await run(slot, asQuery(text, values, true))).rows,
    $executeRaw: async (first: unknown, ...rest: unknown[]) =>
      (await run(slot, asQuery(first, rest, false))).rowCount ?? 0,
    $executeRawUnsafe: async (text: string, ...values: unknown[]) =>
      (await run(slot, asQuery(text, values, true))).rowCount ?? 0,
  };
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === DIRECT) return true;
      if (prop === AFTER_COMMIT) return readAfterCommitOn(slot);
      if (typeof prop === 'string' && prop in direct) return direct[prop as keyof typeof direct];
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/**
 * Direct bodies that reached for a model and ran again in Prisma's transaction, by what
 * they reached for (`user.findUnique` → 'user'). Slower, never wrong — so nothing else
 * would show it: the tests of a direct path assert it stays empty, the bench reports it.
 */
const fallbacks = new Map<string, number>();

/** A copy of the fallbacks counted in this process so far (above). */
export const directFallbacks = (): Map<string, number> => new Map(fallbacks);

/** Thrown at a model call in direct mode: the attempt is rolled back and run by Prisma. */
class NeedsPrisma extends Error {
  constructor(what: string) {
    super(`direct transaction: ${what} is Prisma's; the body runs again in Prisma's transaction`);
  }
}

/**
 * A `tx` with no Prisma behind it (direct mode): raw statements on the slot's connection;
 * anything else marks the slot, so the attempt is rolled back whatever the body does
 * with the error (a body may catch it), and the body runs again in Prisma's transaction.
 */
function rawOnly(slot: Slot): Tx {
  const direct = rawOnConnection({} as Tx, slot);
  return new Proxy(direct, {
    get(target, prop, receiver) {
      // what awaiting, printing or spreading a value asks: not a model call
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON')
        return Reflect.get(target, prop, receiver) as unknown;
      if (prop.startsWith('$') && prop.includes('Raw'))
        return Reflect.get(target, prop, receiver) as unknown;
      // counted once an attempt, at the first model it reached for
      if (!slot.needsPrisma) fallbacks.set(prop, (fallbacks.get(prop) ?? 0) + 1);
      slot.needsPrisma = true;
      throw new NeedsPrisma(prop);
    },
  });
}

const LEVELS: Record<Prisma.TransactionIsolationLevel, string> = {
  ReadUncommitted: 'READ UNCOMMITTED',
  ReadCommitted: 'READ COMMITTED',
  RepeatableRead: 'REPEATABLE READ',
  Serializable: 'SERIALIZABLE',
};

type Attempt<T> = { done: true; value: T } | { done: false };

/**
 * One attempt in direct mode: BEGIN (sent with the body's first statement: after-begin.ts),
 * the body on the connection, COMMIT (`alone`: its one statement, neither) — no Prisma at
 * all (its interactive transaction costs ~0.5 ms of CPU each; the market's placement ran
 * three). `done: false` when the body reached for a model: rolled back, nothing kept.
 * Past `timeout` ms the transaction is rolled back and its statements refused (a P2028,
 * as Prisma's own timeout) — a statement still waiting on a lock cancelled first.
 */
async function directAttempt<T>(
  pool: pg.Pool,
  body: (tx: Tx) => Promise<T>,
  o: RunTransactionOptions,
): Promise<Attempt<T>> {
  const conn = await connectWithin(pool, o.maxWait);
  const alone = o.alone === true;
  const slot: Slot = { conn, closed: false, queue: Promise.resolve(), prepared: true, alone };
  // reused only once it ended cleanly (COMMIT or ROLLBACK answered, or its one statement
  // alone): else destroyed
  let clean = false;
  const end = (sql: 'COMMIT' | 'ROLLBACK') => {
    slot.closed = true;
    const read = sql === 'COMMIT' ? slot.afterCommit : undefined;
    // alone, or no statement ran (its BEGIN never went): nothing to end — the read alone
    if (alone || slot.begin)
      return inTurn(slot, async () => read?.settle(await readOn(conn, read.q))).then(
        () => void (clean = true),
      );
    // the read after the commit goes with COMMIT (after-commit.ts)
    if (read)
      return inTurn(slot, () => commitThenRead(conn, read.q)).then((outcome) => {
        clean = true;
        read.settle(outcome);
      });
    return inTurn(slot, () => conn.query(sql)).then(() => {
      clean = true;
    });
  };
  let timedOut = false;
  let ended: Promise<void> | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    // a statement still running (waiting for a lock held elsewhere) is cancelled, or the
    // ROLLBACK queued behind it, and the pooled connection, would wait with it
    void cancelRunning(pool, conn);
    ended = end('ROLLBACK')
      .then(() => void (clean = !alone))
      .catch(() => undefined);
  }, o.timeout);
  try {
    const level = o.isolationLevel ? ` ISOLATION LEVEL ${LEVELS[o.isolationLevel]}` : '';
    // sent with the body's first statement (AfterBegin)
    if (!alone) slot.begin = `BEGIN${level}`;
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await body(rawOnly(slot)) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    clearTimeout(timer);
    if (timedOut) {
      await ended;
      throw closedError();
    }
    if (alone && slot.spent && slot.needsPrisma)
      // its statement has committed: a rerun in Prisma's transaction would write it twice
      throw new Error('runTransaction alone: the body reached for a model after its statement');
    if (slot.needsPrisma || slot.stale || !outcome.ok) {
      await end('ROLLBACK');
      // a stale prepared statement: this connection goes, and the body runs in Prisma's
      if (slot.needsPrisma || slot.stale) return { done: false };
      throw (outcome as { error: unknown }).error;
    }
    await end('COMMIT');
    return { done: true, value: outcome.value };
  } finally {
    clearTimeout(timer);
    // not committed (rolled back, timed out, run again in Prisma's): no read
    slot.afterCommit?.settle(null);
    conn.release(
      clean && !slot.stale ? undefined : new Error('direct transaction did not end cleanly'),
    );
  }
}

export interface RunTransactionOptions {
  maxWait: number;
  timeout: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /**
   * The body is raw statements only (the market's hot path): run it on a pooled
   * connection with no Prisma transaction at all. Should it reach for a model after
   * all, that attempt is rolled back and the body runs again in Prisma's transaction:
   * slower, never wrong.
   */
  direct?: boolean;
  /**
   * With `direct`: the body runs ONE statement, which runs alone — no BEGIN, no COMMIT
   * (a statement is atomic by itself; two round trips saved). A second statement is
   * refused. Nothing after the statement may fail: it has committed when it answers.
   */
  alone?: boolean;
}

/**
 * `db.$transaction(body, options)` with the body's raw statements on the transaction's
 * own connection (above). A client not made by createDb gets Prisma's transaction as is.
 */
export async function runTransaction<T>(
  db: Pick<Db, '$transaction'>,
  body: (tx: Tx) => Promise<T>,
  options: RunTransactionOptions,
): Promise<T> {
  const { direct, alone: _alone, ...prismaOptions } = options;
  const pool = direct ? poolOf(db) : undefined;
  if (pool) {
    const attempt = await directAttempt(pool, body, options);
    if (attempt.done) return attempt.value;
  }
  const slot: Slot = { closed: false, queue: Promise.resolve() };
  try {
    const value = await opening.run(slot, () =>
      db.$transaction((tx) => body(slot.conn ? rawOnConnection(tx, slot) : tx), prismaOptions),
    );
    // committed by Prisma: the read after it, on the pool
    const read = slot.afterCommit;
    if (read) read.settle(await readAfterPrisma(db, read));
    return value;
  } finally {
    slot.afterCommit?.settle(null);
  }
}
