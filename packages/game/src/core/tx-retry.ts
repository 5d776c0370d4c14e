/** PostgreSQL SQLSTATEs after which rerunning the whole transaction can succeed. */
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

type ErrorLike = {
  code?: unknown;
  meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } };
  cause?: { code?: unknown; originalCode?: unknown };
};

/**
 * True for a serialization failure or a deadlock, however it surfaces: Prisma's
 * P2034 (a model query lost a write conflict or deadlock), P2010 with the driver
 * adapter's SQLSTATE (a raw query), or a pg error carrying the code itself.
 */
export function isTransientTxError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as ErrorLike;
  if (e.code === 'P2034') return true;
  const codes = [
    e.code,
    e.meta?.code,
    e.meta?.driverAdapterError?.cause?.originalCode,
    e.cause?.code,
    e.cause?.originalCode,
  ];
  return codes.some((c) => typeof c === 'string' && TRANSIENT_SQLSTATES.has(c));
}

/**
 * True when a transaction could not start within its wait (the pool was busy) or ran
 * past its time limit: Prisma's P2028 ("Transaction API error"), however wrapped. It
 * rolled back whole; the caller should hear "busy, try again", not a crash.
 */
export function isTxTimeoutError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as ErrorLike & { message?: unknown };
  if (e.code === 'P2028' || e.meta?.code === 'P2028') return true;
  return typeof e.message === 'string' && e.message.includes('Transaction API error');
}

/** How often a transaction that hit a deadlock or serialization failure is rerun at once. */
export const TX_RETRIES = 5;

/**
 * Runs `run` (one whole transaction) and reruns it after a deadlock or a
 * serialization failure, up to `retries` more times, with a short growing pause.
 * Other errors, and the last transient one, are thrown.
 */
export async function withTxRetry<T>(
  run: (attempt: number) => Promise<T>,
  o: { retries?: number } = {},
): Promise<T> {
  const retries = o.retries ?? TX_RETRIES;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(attempt);
    } catch (err) {
      if (attempt >= retries || !isTransientTxError(err)) throw err;
      // jittered (timing, not a game rule), so the transactions that collided part ways
      const pauseMs = 5 * 2 ** attempt * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
}
