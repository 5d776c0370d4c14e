// The live worker role (worker.ts) beside a sim over PostgreSQL, and beside two sim
// nodes sharing Redis: a demotion, a ban, "sign out everywhere", signing out one web
// session and armor taken off through the domain reach the open sockets without a
// reconnect. Its own database (OUTBOX_TEST_DATABASES): the worker marks every event it
// looked at as published, so no other file's drains may share it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Redis } from 'ioredis';
import { disposeTestRedis, testRedis, testRedisPrefix } from '@necp/game/testing';
import { uniq } from '@necp/db/testing';
import {
  endSession,
  equipItem,
  grantItem,
  publishEvent,
  revokeSessions,
  unequipItem,
} from '@necp/game';
import { postgresBus, redisBus, type ClusterBus } from '../net/cluster-bus';
import { DOMAIN_SUBSCRIBERS, type SimSubscriberFactories } from './outbox-wiring';
import { startWorker, type Worker } from './worker';
import { simPerTestOnPostgresBus, testFactories } from '../testing/outbox-kit';
import { connectClient, expectRefused, type TestClient } from '../testing/test-client';
import { outboxTestDb } from '../testing/test-db';
import { redisIsUp, REDIS_URL } from '../testing/redis-up';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';

const db = outboxTestDb('simLiveWorker');
let sim: TestSim;
const dbUrl = simPerTestOnPostgresBus(db, (s) => (sim = s));

/**
 * "Every open socket within 1 s" (issue 10) is a latency goal (the worker's LISTEN wake-up
 * or its 1-s poll), not something a test on a loaded 2-core machine can time: runs beside
 * the type check and the build missed 1 s, and once even 5 s. These tests tell "arrived
 * through the worker, on the open socket" from "lost" (the socket would only learn at its
 * next reconnect), with the bound the warm-up uses.
 */
const WITHIN_MS = 30_000;

const redisUrl = REDIS_URL;

/**
 * The real worker role (worker.ts: graphile-worker, its own Socket.IO member of `bus`),
 * on the clock of `node`, with the real access and stats reactions; quests and
 * reputation stand-ins ignore other tests' events. Nothing of it shares the sim's
 * objects: what it pushes reaches the sim's sockets only through the bus. Resolves
 * once it has delivered a first event to `warm`, so the timed part measures delivery,
 * not start-up and whatever backlog other tests left.
 */
async function liveWorker(
  node: TestSim,
  warm: TestClient,
  warmCharacterId: string,
  bus: ClusterBus = postgresBus(dbUrl, node.deps.log),
) {
  const factories: SimSubscriberFactories = {
    ...testFactories(uniq('live:')),
    access: DOMAIN_SUBSCRIBERS.access,
    stats: DOMAIN_SUBSCRIBERS.stats,
  };
  const worker = await startWorker({
    deps: { ...node.deps, db },
    bus,
    port: 0,
    host: '127.0.0.1',
    factories,
    // the node's clock is fake and does not move by itself: a failed delivery (a
    // transaction that timed out on a loaded machine) is retried at once, as production
    // retries it a second later, instead of never
    outboxRetry: { baseMs: 0, capMs: 0 },
  });
  await warm.next('char:stats', WITHIN_MS);
  const key = uniq('warm-up:');
  await db.$transaction((tx) =>
    publishEvent(tx, {
      type: 'character.stats_changed',
      key,
      payload: { characterId: warmCharacterId, cause: 'test.warm_up' },
    }),
  );
  // everything before it (the character's own grants, other tests' leftovers) is delivered too
  await vi.waitFor(
    async () =>
      expect((await db.outboxEvent.findUnique({ where: { key } }))?.publishedAt).toBeTruthy(),
    { timeout: 30_000, interval: 20 },
  );
  await vi.waitFor(() => expect(warm.pending('char:stats')).toBeGreaterThan(0), {
    timeout: WITHIN_MS,
    interval: 20,
  });
  await warm.sync();
  warm.take('char:stats');
  return worker;
}

/** What admin.setRole does (web): the row and the revocation commit together. */
const setRole = (userId: string, role: 'PLAYER' | 'ADMIN') =>
  db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role } });
    await revokeSessions(tx, { userId, kind: 'ROLE_CHANGED' });
  });

/** What moderation.ban does (web). */
const ban = (userId: string, untilMs: number) =>
  db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { bannedUntil: new Date(untilMs), banReason: 'test' },
    });
    await revokeSessions(tx, { userId, kind: 'BANNED' });
  });

/** A character wearing a Kevlar Jacket (armor +12, 3 kg). */
async function armoured(x = 40, y = 110) {
  const p = await createPlayerAt(db, x, y);
  const [jacket] = await grantItem(
    { db },
    { characterId: p.characterId, templateId: 'jacket_kevlar', quantity: 1, reason: 'admin' },
  );
  const itemId = jacket?.itemId ?? '';
  await equipItem({ db }, { characterId: p.characterId, itemId });
  return { ...p, itemId };
}

const armorOf = (node: TestSim, characterId: string) =>
  node.watson.player(characterId)?.combat.stats.armor;

/** What the outbox did with a character's stats events: a failed wait says why. */
const statsEvents = async (characterId: string) =>
  (
    await db.outboxEvent.findMany({
      where: {
        type: 'character.stats_changed',
        payload: { path: ['characterId'], equals: characterId },
      },
      orderBy: { id: 'asc' },
      select: { key: true, publishedAt: true, attempts: true, lastError: true, parkedAt: true },
    })
  ).map((e) => ({ ...e, lastError: e.lastError?.slice(0, 300) ?? null }));

/** The zone fights with `armor` (within WITHIN_MS), and the client was sent char:stats. */
async function expectArmor(node: TestSim, client: TestClient, characterId: string, armor: number) {
  try {
    await vi.waitFor(() => expect(armorOf(node, characterId)).toBe(armor), {
      timeout: WITHIN_MS,
      interval: 5,
    });
  } catch (err) {
    throw new Error(
      `armor ${armorOf(node, characterId)}, not ${armor}; the character's stats events: ${JSON.stringify(await statsEvents(characterId))}`,
      { cause: err },
    );
  }
  await client.sync();
  expect(client.pending('char:stats')).toBeGreaterThan(0);
}

async function expectKicked(client: TestClient, reason: string) {
  const kicked = await client.next('session:kicked', WITHIN_MS);
  expect(kicked.reason).toBe(reason);
  expect(await client.next('disconnect', WITHIN_MS)).toBe('io server disconnect');
}

// a test waits for the worker more than once: each wait may take WITHIN_MS on a loaded machine
const LIVE_TEST_TIMEOUT_MS = 4 * WITHIN_MS;

describe(
  'the live worker: roles, bans and stats follow the database',
  { timeout: LIVE_TEST_TIMEOUT_MS },
  () => {
    let worker: Worker | undefined;
    afterEach(async () => {
      await worker?.close();
      worker = undefined;
    });

    it('a demoted admin loses admin:loot on the open socket; the old ticket role grants nothing', async () => {
      const admin = await createPlayerAt(db, 460, 60);
      const { client } = await sim.join(admin, { role: 'ADMIN' });
      worker = await liveWorker(sim, client, admin.characterId);
      const loot = () => client.command('admin:loot', { tableId: 'crate_watson_common' });
      expect(await loot()).toMatchObject({ ok: true });

      await setRole(admin.userId, 'PLAYER');
      expect(await loot()).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Admins only.' },
      });
      // a role change alone leaves the socket open
      await client.sync();
      expect(client.pending('session:kicked')).toBe(0);

      // a ticket that still says ADMIN (minted before the demotion) grants nothing either
      const stale = await sim.ticket(admin.userId, admin.characterId, { role: 'ADMIN' });
      const again = await connectClient(sim.server.port, { ticket: stale });
      try {
        expect(
          await again.client.command('admin:loot', { tableId: 'crate_watson_common' }),
        ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      } finally {
        again.client.close();
      }
    });

    it('a ban disconnects the open socket, and its next ticket is refused', async () => {
      const p = await createPlayerAt(db, 40, 110);
      const { client } = await sim.join(p);
      worker = await liveWorker(sim, client, p.characterId);
      await ban(p.userId, sim.clock.ms() + 86_400_000);
      await expectKicked(client, 'banned');
      const refused = await expectRefused(sim.server.port, {
        ticket: await sim.ticket(p.userId, p.characterId),
      });
      expect(refused).toMatchObject({
        data: { code: 'FORBIDDEN', message: 'This account is suspended.' },
      });

      // an expired ban lets the account back in
      await db.user.update({
        where: { id: p.userId },
        data: { bannedUntil: new Date(sim.clock.ms() - 1) },
      });
      const back = await sim.join(p);
      expect(back.welcome.self.characterId).toBe(p.characterId);
    });

    it('"sign out everywhere" disconnects the open socket', async () => {
      const p = await createPlayerAt(db, 40, 110);
      const { client } = await sim.join(p);
      worker = await liveWorker(sim, client, p.characterId);
      await db.$transaction((tx) =>
        revokeSessions(tx, { userId: p.userId, kind: 'SESSIONS_REVOKED' }),
      );
      await expectKicked(client, 'signed_out');
    });

    it('signing out one web session disconnects the game sockets its tickets opened, no others', async () => {
      const p = await createPlayerAt(db, 40, 110);
      const [laptop, phone, tablet] = [uniq('laptop-'), uniq('phone-'), uniq('tablet-')];
      const { client } = await sim.join(p, { sessionId: laptop });
      worker = await liveWorker(sim, client, p.characterId);
      // what auth.signOut runs for another session of the same account: this socket plays on
      await endSession(sim.deps, { userId: p.userId, sessionId: phone });
      await vi.waitFor(
        async () =>
          expect(
            (
              await db.outboxEvent.findUnique({
                where: { key: `account.access_changed:sign_out:${phone}` },
              })
            )?.publishedAt,
          ).toBeTruthy(),
        { timeout: WITHIN_MS, interval: 20 },
      );
      await client.sync();
      expect(client.pending('session:kicked')).toBe(0);

      const minted = await sim.ticket(p.userId, p.characterId, { sessionId: laptop });
      await endSession(sim.deps, { userId: p.userId, sessionId: laptop });
      await expectKicked(client, 'signed_out');
      // a ticket that session minted before signing out is refused; another session's connects
      expect(await expectRefused(sim.server.port, { ticket: minted })).toMatchObject({
        data: { code: 'UNAUTHENTICATED', message: 'You were signed out. Please sign in again.' },
      });
      const back = await sim.join(p, { sessionId: tablet });
      expect(back.welcome.self.characterId).toBe(p.characterId);
    });

    it('armor taken off through the API lowers the defence the sim fights with, with no socket message', async () => {
      const p = await armoured();
      const { client } = await sim.join(p);
      const worn = armorOf(sim, p.characterId) ?? 0;
      expect(worn).toBeGreaterThanOrEqual(12);
      worker = await liveWorker(sim, client, p.characterId);
      expect(armorOf(sim, p.characterId)).toBe(worn);

      // what the inventory.unequip procedure runs; the client sends nothing
      await unequipItem({ db }, { characterId: p.characterId, itemId: p.itemId });
      await expectArmor(sim, client, p.characterId, worn - 12);
      // the jacket is in the bag now: it still weighs
      expect(client.take('char:stats').at(-1)).toMatchObject({ weight: 3 });

      await equipItem({ db }, { characterId: p.characterId, itemId: p.itemId });
      await expectArmor(sim, client, p.characterId, worn);
    });
  },
);

const redisUp = await redisIsUp(redisUrl);

describe.skipIf(!redisUp)(
  'two sim nodes and the worker on Redis',
  { timeout: LIVE_TEST_TIMEOUT_MS },
  () => {
    let worker: Worker | undefined;
    let a: TestSim;
    let b: TestSim;
    const conns: Redis[] = [];
    beforeEach(async () => {
      // one deployment of the test's own (its keys dropped after)
      const prefix = testRedisPrefix('live');
      for (let i = 0; i < 3; i++) conns.push(testRedis(prefix));
      a = await bootTestSim(db, { redis: conns[0] });
      b = await bootTestSim(db, { redis: conns[1], clock: a.clock });
    });
    afterEach(async () => {
      await worker?.close();
      worker = undefined;
      await a.close();
      await b.close();
      const [first, ...rest] = conns.splice(0);
      for (const c of rest) c.disconnect();
      if (first) await disposeTestRedis(first);
    });

    it('demotion, ban and stats changes reach the socket on node A (without a reconnect)', async () => {
      const admin = await createPlayerAt(db, 460, 60);
      const p = await armoured();
      const adminClient = (await a.join(admin, { role: 'ADMIN' })).client;
      const { client } = await a.join(p);
      const worn = armorOf(a, p.characterId) ?? 0;
      worker = await liveWorker(b, client, p.characterId, redisBus(conns[2] as Redis));
      // the sockets live on A; the worker reaches them through Redis only
      expect(b.server.io.sockets.sockets.size).toBe(0);

      await unequipItem({ db }, { characterId: p.characterId, itemId: p.itemId });
      await expectArmor(a, client, p.characterId, worn - 12);

      await setRole(admin.userId, 'PLAYER');
      expect(
        await adminClient.command('admin:loot', { tableId: 'crate_watson_common' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      await ban(p.userId, a.clock.ms() + 86_400_000);
      await expectKicked(client, 'banned');
      // the other account's socket stays
      await adminClient.sync();
      expect(adminClient.pending('session:kicked')).toBe(0);
    });
  },
);
