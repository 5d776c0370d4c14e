/**
 * The bench's players: characters at Watson's Exchange terminal with a big bag, eddies
 * and goods, made through the same domain calls the game uses (grants are `admin`
 * sources in the ledger, so the invariant check covers them like any other).
 */
import type { Db } from '@necp/db';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import { grantItem, recordCurrency } from '@necp/game';
import { zoneById } from '@necp/shared';

const terminal = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'auction_terminal')!;

/**
 * A phase's tables as a server in steady use keeps them, before the phase is timed: VACUUM
 * ANALYZE, autovacuum's work. The bench's database is new and fills as it runs, and this
 * machine's PostgreSQL runs with autovacuum off (CI's conf.d), so nothing else would ever
 * give the planner statistics: four paced runs at 200/s on one database, without it, read
 * PostgreSQL's CPU an operation 4.2 → 6.6 ms and p99 63 → 152 ms, MarketOrder and Item
 * scanned whole 8,500 times each; with it, flat. The auction bench does the same.
 */
export async function settleTables(db: Db): Promise<void> {
  await db.$executeRawUnsafe('VACUUM ANALYZE');
}

export interface Trader {
  characterId: string;
}

/** `n` characters with `eddies` each and, per good, `units` of it (stacks of 99). */
export async function seedTraders(
  db: Db,
  n: number,
  o: { eddies: number; goods: readonly string[]; units: number },
): Promise<Trader[]> {
  const out: Trader[] = [];
  for (let i = 0; i < n; i++) {
    const u = await createTestUser(db);
    const c = await createTestCharacter(db, u.id, {
      x: terminal.x + 1 + (i % 3),
      y: terminal.y + 1,
    });
    await db.character.update({ where: { id: c.id }, data: { bagSlots: 120 } });
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: c.id, delta: o.eddies }),
    );
    for (const templateId of o.goods)
      for (let left = o.units; left > 0; left -= 99)
        await grantItem(
          { db },
          { characterId: c.id, templateId, quantity: Math.min(99, left), reason: 'admin' },
        );
    out.push({ characterId: c.id });
  }
  return out;
}
