/**
 * `--try-index`: an index (or extended statistics) the schema does not have, made on the
 * bench's scratch database to measure what it would change, and dropped again after.
 */
import { performance } from 'node:perf_hooks';
import type { SqlPool } from './sql';

const NAME = String.raw`("[^"]+"|[A-Za-z_][\w$]*)`;
const INDEX = new RegExp(
  String.raw`^\s*create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?${NAME}\s+on\s`,
  'i',
);
const STATISTICS = new RegExp(
  String.raw`^\s*create\s+statistics\s+(?:if\s+not\s+exists\s+)?${NAME}\s`,
  'i',
);

/**
 * The statement that undoes a named CREATE INDEX or CREATE STATISTICS, or undefined for
 * anything else (an unnamed index included: it could not be dropped by name).
 */
export function undoStatement(sql: string): string | undefined {
  if (sql.includes(';') && !/;\s*$/.test(sql)) return undefined;
  const index = INDEX.exec(sql)?.[1];
  if (index) return `DROP INDEX IF EXISTS ${index}`;
  const stats = STATISTICS.exec(sql)?.[1];
  if (stats) return `DROP STATISTICS IF EXISTS ${stats}`;
  return undefined;
}

/** Makes each, then ANALYZE (extended statistics are filled by it); returns the seconds it took and the undo. */
export async function applyTried(
  pool: SqlPool,
  statements: readonly string[],
): Promise<{ seconds: number; undo: () => Promise<void> }> {
  const undos = statements.map((s) => {
    const u = undoStatement(s);
    if (!u) throw new Error(`--try-index: not a named CREATE INDEX or CREATE STATISTICS: ${s}`);
    return u;
  });
  const t0 = performance.now();
  for (const s of statements) await pool.query({ text: s });
  await pool.query({ text: 'ANALYZE "AuctionListing"' });
  return {
    seconds: (performance.now() - t0) / 1000,
    undo: async () => {
      for (const u of undos.reverse()) await pool.query({ text: u });
      await pool.query({ text: 'ANALYZE "AuctionListing"' });
    },
  };
}
