// Issue 28 on two sim processes (Redis + PostgreSQL, real child processes): the economy's
// operations are the web's domain calls — one database transaction each, nothing held in
// a sim — so what must cross processes is what they tell players. A seller in Watson
// (process A) and a bidder in Westbrook (process B): the bidder is outbid by a buyout and
// told on B, the seller told of the sale on A, each pushed by the worker (a third
// process) over the cluster bus to the process holding the socket; a season's sealed lot bid on from both districts closes
// once; a market buy placed in one district fills a sell resting in the other and the
// seller is told on their process; a kill contract posted in Westbrook is taken in Watson,
// its kills counted by the worker's contracts subscriber, each side told on its process;
// the ledger balances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createDb, type Db } from '@necp/db';
import { createTestCharacter, createTestUser, type TestDatabase, uniq } from '@necp/db/testing';
import {
  acceptContract,
  buyoutListing,
  confirmContract,
  deliverContract,
  postContract,
  publishEvent,
  checkInvariants,
  createLog,
  grantItem,
  listItem,
  matchBook,
  placeBid,
  placeOrder,
  placeSealedBid,
  recordCurrency,
  scheduleSealedLots,
  settleDueAuctions,
  systemClock,
} from '@necp/game';
import { zoneById } from '@necp/shared';
import { oneClusterAtATime } from '../testing/one-cluster-at-a-time';
import { SimProcesses, type SimProcess } from '../testing/sim-processes';
import { ownTestDatabase } from '../testing/test-db';
import { disposeTestRedis, testRedis, testRedisPrefix } from '@necp/game/testing';

const quiet = createLog('economy-two-sims', 'silent');

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testRedisPrefix('econ');
let testDb: TestDatabase;
let db: Db;
let redis: Redis;
let sims: SimProcesses;
let a: SimProcess;
let b: SimProcess;

const terminalOf = (zoneId: string) =>
  zoneById(zoneId)!.spawnPoints.find((p) => p.kind === 'auction_terminal')!;

async function trader(zoneId: string, eddies: number) {
  const t = terminalOf(zoneId);
  const user = await createTestUser(db);
  const c = await createTestCharacter(db, user.id, { zoneId, x: t.x + 1, y: t.y + 2 });
  await db.$transaction((tx) =>
    recordCurrency(tx, { reason: 'admin', characterId: c.id, delta: eddies }),
  );
  return { userId: user.id, characterId: c.id, name: c.name };
}

oneClusterAtATime();

beforeAll(async () => {
  testDb = await ownTestDatabase(`necp_test_economy_two_sims_${process.pid}`);
  db = createDb(testDb.url, { max: 3 });
  redis = testRedis(prefix);
  sims = new SimProcesses({ db, dbUrl: testDb.url, redisUrl: REDIS_URL, prefix, redis });
  a = await sims.start('watson');
  await sims.holds(a, 'watson');
  b = await sims.start('westbrook');
  await sims.holds(b, 'westbrook');
  // the worker role in a third process: the outbox reactions that push notifications
  await sims.startWorker();
}, 180_000);

afterAll(async () => {
  await sims?.stop();
  // the sims' keys too (zone tokens, loads: no expiry)
  if (redis) await disposeTestRedis(redis);
  await db?.$disconnect();
  await testDb?.drop();
}, 60_000);

describe('the economy on two sim processes', () => {
  it('a buyout in Westbrook: the outbid bidder is told on B, the seller of the sale on A', async () => {
    const deps = { db, clock: systemClock, log: quiet };
    const seller = await trader('watson', 100);
    const bidder = await trader('westbrook', 1_000);
    const buyer = await trader('westbrook', 1_000);
    const onA = await sims.join(seller, a.url);
    const onB = await sims.join(bidder, b.url);
    const [pistol] = await grantItem(
      { db },
      { characterId: seller.characterId, templateId: 'pistol_unity', quantity: 1, reason: 'admin' },
    );
    const l = await listItem(deps, {
      characterId: seller.characterId,
      idempotencyKey: uniq('list-'),
      itemId: pistol!.itemId,
      startBid: 100,
      buyout: 400,
      durationH: 12,
    });
    await placeBid(deps, { characterId: bidder.characterId, listingId: l.id, amount: 120 });
    await buyoutListing(deps, { characterId: buyer.characterId, listingId: l.id });

    expect(await onB.client.next('notification:new', 30_000)).toMatchObject({
      kind: 'auction_outbid',
      title: 'Outbid: Unity Pistol',
    });
    expect(await onA.client.next('notification:new', 30_000)).toMatchObject({
      kind: 'auction_result',
      title: 'Sold: Unity Pistol',
    });
    expect(
      await checkInvariants(db, {
        characterIds: [seller.characterId, bidder.characterId, buyer.characterId],
      }),
    ).toEqual([]);
    onA.client.close();
    onB.client.close();
  }, 120_000);

  it('a sealed lot bid on from both districts closes once, its loser told on their process', async () => {
    const deps = { db, clock: systemClock, log: quiet };
    const n = 10_000 + Math.floor(Math.random() * 90_000);
    const startsAt = new Date(Date.now() - 60_000);
    const key = `S${n}`;
    await scheduleSealedLots(deps, {
      key,
      number: n,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 28 * 86_400_000),
    });
    const lot = await db.auctionListing.findFirstOrThrow({ where: { season: key, lotSlot: 0 } });
    const east = await trader('watson', lot.startBid * 2);
    const west = await trader('westbrook', lot.startBid * 2);
    const onA = await sims.join(east, a.url);
    await placeSealedBid(deps, { characterId: east.characterId, lotId: lot.id, max: lot.startBid });
    await placeSealedBid(deps, {
      characterId: west.characterId,
      lotId: lot.id,
      max: lot.startBid + 1_000,
    });
    // its window ends now (the notification shows at the close's time: a fake clock ahead
    // would keep it hidden); closed as any process's sweep would — twice at once, and the
    // worker's own minute sweep may be a third
    await db.auctionListing.update({ where: { id: lot.id }, data: { endsAt: new Date() } });
    await Promise.all([settleDueAuctions(deps), settleDueAuctions(deps)]);
    expect(await db.auctionSettlement.count({ where: { listingId: lot.id } })).toBe(1);
    expect(await onA.client.next('notification:new', 30_000)).toMatchObject({
      kind: 'auction_result',
      // a stack lot's title counts it (the season's rotation may put one in slot 0)
      title: `Sealed lot: ${lot.name}${lot.quantity > 1 ? ` ×${lot.quantity}` : ''}`,
    });
    expect(
      await checkInvariants(db, { characterIds: [east.characterId, west.characterId] }),
    ).toEqual([]);
    onA.client.close();
  }, 120_000);

  it('the market: a buy placed in Watson fills a sell resting in Westbrook; its seller is told on B', async () => {
    const deps = { db, clock: systemClock, log: quiet };
    const seller = await trader('westbrook', 100);
    const buyer = await trader('watson', 1_000);
    const onB = await sims.join(seller, b.url);
    await grantItem(
      { db },
      { characterId: seller.characterId, templateId: 'nano_paste', quantity: 8, reason: 'admin' },
    );
    const ask = await placeOrder(deps, {
      characterId: seller.characterId,
      templateId: 'nano_paste',
      side: 'sell',
      price: 40,
      quantity: 8,
      idempotencyKey: 'two-sims-ask',
    });
    // two "processes" run the good's matcher as the buy lands: one book, one writer
    const [bid] = await Promise.all([
      placeOrder(deps, {
        characterId: buyer.characterId,
        templateId: 'nano_paste',
        side: 'buy',
        price: 45,
        quantity: 5,
        idempotencyKey: 'two-sims-bid',
      }),
      matchBook(deps, 'nano_paste'),
    ]);
    // the buy's answer carries the fill when its own matcher ran the batch; when the other
    // held the book, that one takes the buy as it looks again after its commit
    expect(await onB.client.next('notification:new', 30_000)).toMatchObject({
      kind: 'market_fill',
      title: 'Sold 5 × Nano-Paste',
    });
    expect(await db.marketOrder.findUnique({ where: { id: bid.id } })).toMatchObject({
      state: 'filled',
      filled: 5,
      price: 45,
    });
    expect(await db.marketFill.count({ where: { sellOrderId: ask.id } })).toBe(1);
    expect(
      await checkInvariants(db, { characterIds: [seller.characterId, buyer.characterId] }),
    ).toEqual([]);
    onB.client.close();
  }, 120_000);

  it('a contract: posted in Westbrook, taken in Watson, its kills counted by the worker; each side told on its process', async () => {
    const deps = { db, clock: systemClock, log: quiet };
    const poster = await trader('westbrook', 1_000);
    const taker = await trader('watson', 0);
    const onB = await sims.join(poster, b.url);
    const onA = await sims.join(taker, a.url);
    const c = await postContract(deps, {
      characterId: poster.characterId,
      idempotencyKey: 'two-sims-kill',
      kind: 'kill',
      targetId: 'watson_scavenger',
      quantity: 2,
      reward: 200,
    });
    await acceptContract(deps, { characterId: taker.characterId, contractId: c.id });
    expect(await onB.client.next('notification:new', 30_000)).toMatchObject({
      kind: 'contract_update',
      title: 'Contract taken: Scavenger ×2',
    });
    // two kills, as awardKill writes them: the worker (a third process) counts each once
    for (const life of [1, 2])
      await db.$transaction((tx) =>
        publishEvent(tx, {
          type: 'npc.killed',
          key: `npc.killed:two-sims-${c.id}-${life}`,
          payload: {
            zoneId: 'watson',
            npcTemplateId: 'watson_scavenger',
            npcName: 'Watson Scavenger',
            level: 1,
            rank: 'normal',
            x: 10,
            y: 10,
            killers: [{ characterId: taker.characterId, damage: 50, xp: 10 }],
            lootOwnerId: taker.characterId,
          },
        }),
      );
    for (let i = 0; i < 300; i++) {
      if ((await db.contract.findUniqueOrThrow({ where: { id: c.id } })).progress === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await deliverContract(deps, { characterId: taker.characterId, contractId: c.id });
    await confirmContract(deps, { characterId: poster.characterId, contractId: c.id });
    const told = async () => {
      for (;;) {
        const n = (await onA.client.next('notification:new', 30_000)) as { title: string };
        if (n.title.startsWith('Contract confirmed')) return n;
      }
    };
    expect(await told()).toMatchObject({ kind: 'contract_update', body: '200 eddies are yours.' });
    expect(
      await checkInvariants(db, { characterIds: [poster.characterId, taker.characterId] }),
    ).toEqual([]);
    onA.client.close();
    onB.client.close();
  }, 120_000);
});
