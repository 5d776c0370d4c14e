/**
 * Transaction-scoped advisory locks: one way to take them. A lock is two int4 keys — the
 * space (one per kind of thing, below; never reused) and hashtext(key) — held until the
 * transaction ends. A hash collision only makes two unrelated things take turns.
 * Where each kind sits in the lock order is core/lock-order.ts's to say.
 */
import type { Tx } from './deps';

/** The first key of each kind (four ASCII letters, so a lock in pg_locks says whose it is). */
export const LOCK_SPACES = {
  /** a board's subject, while its score is read and written to Redis ("LBD1") */
  leaderboardSubject: 0x4c424431,
  /** a listing's turn, before its characters and its row ("AUC1") */
  auctionListing: 0x41554331,
  /** a season's sealed lots, while they are scheduled ("SLT1") */
  sealedLots: 0x534c5431,
} as const;
export type LockSpace = keyof typeof LOCK_SPACES;

/**
 * Takes the locks of `keys` in `space`, in hash order (two takers of overlapping keys
 * never wait in a cycle); waits for their holders.
 */
export async function lockAdvisory(tx: Tx, space: LockSpace, keys: readonly string[]) {
  if (keys.length === 0) return;
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(${LOCK_SPACES[space]}::int, s."h") FROM (
      SELECT DISTINCT hashtext(x) AS "h" FROM unnest(${[...keys]}::text[]) AS x ORDER BY 1
    ) s`;
}
