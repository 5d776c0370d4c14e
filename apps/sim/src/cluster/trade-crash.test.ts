/**
 * Issue 28's crash test for trade: a REAL sim process (apps/sim/src/main.ts as a child)
 * is killed with SIGKILL twice — once with a trade open and an item held in it, once at
 * the moment the completing accept was sent (not acked). Whatever the kill caught, the
 * database holds the state before or after, never between: the pistol is either still the
 * seller's (held in the trade) or the buyer's (free), the eddies went with it or not at
 * all, and the worker's idle sweep frees whatever the dead process left open. The ledger
 * balances after each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createDb, type Db } from '@necp/db';
import type { TestDatabase } from '@necp/db/testing';
import { FakeClock, checkInvariants, expireTrades, grantItem, recordCurrency } from '@necp/game';
import { TRADE_ACCEPT_DELAY_MS, TRADE_IDLE_MS, type TradeView } from '@necp/shared';
import { oneClusterAtATime } from '../testing/one-cluster-at-a-time';
import { SimProcesses, type SimProcess } from '../testing/sim-processes';
import type { TestClient } from '../testing/test-client';
import { createPlayerAt } from '../testing/test-sim';
import { ownTestDatabase } from '../testing/test-db';
import { disposeTestRedis, testRedis, testRedisPrefix } from '@necp/game/testing';

// a database of its own (migrations deployed) and sim child processes: minutes, not
// seconds, on a loaded 2-core CI run (60 s timed out there)
const HOOK_MS = 180_000;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testRedisPrefix('trc');

let testDb: TestDatabase;
let db: Db;
let redis: Redis;
let sims: SimProcesses;

oneClusterAtATime();

beforeAll(async () => {
  testDb = await ownTestDatabase(`necp_test_trade_crash_${process.pid}`);
  db = createDb(testDb.url, { max: 3 });
  redis = testRedis(prefix);
  sims = new SimProcesses({ db, dbUrl: testDb.url, redisUrl: REDIS_URL, prefix, redis });
}, HOOK_MS);

afterAll(async () => {
  await sims?.stop();
  // the sims' keys too (zone tokens, loads: no expiry)
  if (redis) await disposeTestRedis(redis);
  await db?.$disconnect();
  await testDb?.drop();
}, HOOK_MS);

async function ok(p: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>) {
  const res = await p;
  if (!res.ok) throw new Error(res.error?.message ?? 'refused');
  return res.data as TradeView;
}

/** A sim holding Watson, a seller with a pistol and a buyer with eddies beside each other. */
async function scene(): Promise<{
  sim: SimProcess;
  seller: { characterId: string; userId: string };
  buyer: { characterId: string; userId: string };
  cs: TestClient;
  cb: TestClient;
  pistol: string;
  trade: TradeView;
}> {
  const sim = await sims.start('watson');
  await sims.holds(sim, 'watson');
  const seller = await createPlayerAt(db, 60, 460);
  const buyer = await createPlayerAt(db, 62, 460);
  const [placed] = await grantItem(
    { db },
    { characterId: seller.characterId, templateId: 'pistol_unity', quantity: 1, reason: 'admin' },
  );
  // through the ledger, as every balance is (the invariant check reads it)
  await db.$transaction((tx) =>
    recordCurrency(tx, { reason: 'admin', characterId: buyer.characterId, delta: 40 }),
  );
  const cs = (await sims.join(seller, sim.url)).client;
  const cb = (await sims.join(buyer, sim.url)).client;
  const asked = await ok(cs.command('trade:request', { name: buyer.character.name }));
  await ok(cb.command('trade:answer', { tradeId: asked.id, accept: true }));
  await ok(cs.command('trade:offer', { tradeId: asked.id, items: [placed!.itemId], eddies: 0 }));
  const trade = await ok(cb.command('trade:offer', { tradeId: asked.id, items: [], eddies: 40 }));
  return { sim, seller, buyer, cs, cb, pistol: placed!.itemId, trade };
}

async function kill(sim: SimProcess) {
  const gone = new Promise((r) => sim.proc.once('exit', r));
  sim.proc.kill('SIGKILL');
  await gone;
}

/** The worker's sweep, run as if the idle deadline had passed. */
const sweep = () => {
  const clock = new FakeClock(Date.now() + TRADE_IDLE_MS + 60_000);
  return expireTrades({ db, clock });
};

describe('a sim killed in the middle of a trade', () => {
  it('with an item held: it stays held, balanced, until the sweep frees it', async () => {
    const s = await scene();
    await kill(s.sim);
    const held = await db.item.findUniqueOrThrow({ where: { id: s.pistol } });
    expect([held.characterId, held.reservation]).toEqual([
      s.seller.characterId,
      `trade:${s.trade.id}`,
    ]);
    const scope = { characterIds: [s.seller.characterId, s.buyer.characterId] };
    expect(await checkInvariants(db, scope)).toEqual([]);
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    const freed = await db.item.findUniqueOrThrow({ where: { id: s.pistol } });
    expect([freed.characterId, freed.reservation]).toEqual([s.seller.characterId, null]);
    expect((await db.trade.findUniqueOrThrow({ where: { id: s.trade.id } })).closeReason).toBe(
      'idle',
    );
    expect(await checkInvariants(db, scope)).toEqual([]);
  }, 120_000);

  it('as the completing accept is sent: before or after, never between', async () => {
    const s = await scene();
    // the seller accepts (acked); the buyer's accept completes it — the kill races it
    await new Promise((r) => setTimeout(r, TRADE_ACCEPT_DELAY_MS));
    await ok(s.cs.command('trade:accept', { tradeId: s.trade.id, version: s.trade.version }));
    s.cb.socket.emit('trade:accept', { tradeId: s.trade.id, version: s.trade.version });
    await kill(s.sim);
    await sweep();
    const item = await db.item.findUniqueOrThrow({ where: { id: s.pistol } });
    const buyer = await db.character.findUniqueOrThrow({ where: { id: s.buyer.characterId } });
    const t = await db.trade.findUniqueOrThrow({ where: { id: s.trade.id } });
    if (t.state === 'completed')
      expect([item.characterId, item.reservation, buyer.eddies]).toEqual([
        s.buyer.characterId,
        null,
        0,
      ]);
    else
      expect([t.state, item.characterId, item.reservation, buyer.eddies]).toEqual([
        'cancelled',
        s.seller.characterId,
        null,
        40,
      ]);
    expect(
      await checkInvariants(db, { characterIds: [s.seller.characterId, s.buyer.characterId] }),
    ).toEqual([]);
  }, 120_000);
});
