/**
 * Two REAL sim processes (apps/sim/src/main.ts as child processes, NPCs on) on one
 * Redis and a PostgreSQL database of their own: a metro ride from a zone of sim A
 * to a zone of sim B hands the player over. Then a player on A loots, kills a
 * Tyger Claws punk and is in the middle of a fight with a second one (both hurt,
 * both alive) when sim A is killed with SIGKILL; B takes Watson over and the
 * player, reconnecting with a fresh ticket like the web client does, finds its
 * level, XP, eddies and items as the database had them at the kill, every drop on
 * the ground once, the item/currency ledger balanced — and fights on, on B.
 * (The fight as the client sees it: testing/plaza-fight-kit.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createDb, type Db } from '@necp/db';
import type { TestDatabase } from '@necp/db/testing';
import { checkInvariants, equipItem, grantItem } from '@necp/game';
import {
  VIEW_RADIUS,
  maxHealthFor,
  metroStations,
  toCm,
  totalXpForLevel,
  zoneById,
  type DropRef,
  type LootResult,
} from '@necp/shared';
import { eventually } from '../testing/eventually';
import { oneClusterAtATime } from '../testing/one-cluster-at-a-time';
import { FIGHT_SPOT, hurt, punkTemplate, Sight } from '../testing/plaza-fight-kit';
import { SimProcesses, type SimProcess } from '../testing/sim-processes';
import { createPlayerAt } from '../testing/test-sim';
import { ownTestDatabase } from '../testing/test-db';
import { disposeTestRedis, testRedis, testRedisPrefix } from '@necp/game/testing';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testRedisPrefix('h1t');

let testDb: TestDatabase;
let db: Db;
let redis: Redis;
let sims: SimProcesses;
const enter = (p: { userId: string; characterId: string }) => sims.enter(p);
const join = (p: { userId: string; characterId: string }, simUrl: string) => sims.join(p, simUrl);

let a: SimProcess;
let b: SimProcess;

/** A character's items, without updatedAt (a wear write touches it). */
const itemsOf = (characterId: string) =>
  db.item.findMany({
    where: { characterId },
    select: {
      id: true,
      templateId: true,
      quantity: true,
      container: true,
      slot: true,
      durability: true,
    },
    orderBy: { id: 'asc' },
  });

/** A character's skill XP by skill. */
const skillsOf = async (characterId: string) =>
  new Map(
    (await db.characterSkill.findMany({ where: { characterId } })).map((r) => [r.skillId, r.xp]),
  );

oneClusterAtATime();

beforeAll(async () => {
  testDb = await ownTestDatabase(`necp_test_h1_two_sims_${process.pid}`);
  db = createDb(testDb.url, { max: 3 });
  redis = testRedis(prefix);
  sims = new SimProcesses({
    db,
    dbUrl: testDb.url,
    redisUrl: REDIS_URL,
    prefix,
    redis,
    // Watson's NPCs live on both: the player fights on A, and on B after the takeover;
    // the same NPC homes run to run (fights still vary with timing)
    env: { SIM_NPCS: 'on', SIM_SEED: '11' },
  });
  // A first, so it holds Watson; B runs Westbrook and stands by for Watson
  a = await sims.start('watson');
  await sims.holds(a, 'watson');
  b = await sims.start('westbrook,watson');
  await sims.holds(b, 'westbrook');
}, 120_000);

afterAll(async () => {
  await sims?.stop();
  // the sims' keys too (zone tokens, loads: no expiry)
  if (redis) await disposeTestRedis(redis);
  await db?.$disconnect();
  await testDb?.drop();
}, 60_000);

describe('two sim processes on Redis and PostgreSQL', () => {
  it('a metro ride from a zone of A to a zone of B hands the player over to B', async () => {
    const watsonMetro = metroStations(zoneById('watson')!.spawnPoints)[0]!;
    const westbrookMetro = metroStations(zoneById('westbrook')!.spawnPoints)[0]!;
    const p = await createPlayerAt(db, watsonMetro.x, watsonMetro.y);
    const onA = await join(p, a.url);
    expect(onA.welcome.zone.id).toBe('watson');

    const ride = await onA.client.command('zone:travel', { to: 'westbrook' });
    expect(ride).toEqual({
      ok: true,
      data: { zoneId: 'westbrook', zoneName: 'Westbrook', simUrl: b.url },
    });
    // saved at Westbrook's station before the ack: the next ticket names B
    expect(await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).toMatchObject({
      zoneId: 'westbrook',
      x: westbrookMetro.x,
      y: westbrookMetro.y,
    });
    const onB = await join(p, b.url);
    expect(onB.welcome.zone.id).toBe('westbrook');
    // (the welcome speaks centimetres)
    expect(onB.welcome.self).toMatchObject({
      x: toCm(westbrookMetro.x),
      y: toCm(westbrookMetro.y),
    });
    // A closes the old connection by itself
    await onA.client.next('disconnect', 10_000);
  }, 60_000);

  it('kill -9 of A mid-fight, after a loot and a kill: B takes Watson over, the player reconnects there and nothing is lost or duplicated', async () => {
    // a level-5 solo with a Copperhead rifle (35 m reach) north of the punks' plaza: a
    // punk dies in a few seconds, and the player survives its friends by far
    const p = await createPlayerAt(db, FIGHT_SPOT.x, FIGHT_SPOT.y);
    await db.user.update({ where: { id: p.userId }, data: { role: 'ADMIN' } });
    const hp = maxHealthFor(p.character, 5);
    await db.character.update({
      where: { id: p.characterId },
      data: { level: 5, xp: totalXpForLevel(5), health: hp, maxHealth: hp },
    });
    const [rifle] = await grantItem(
      { db },
      {
        characterId: p.characterId,
        templateId: 'rifle_copperhead',
        quantity: 1,
        reason: 'admin',
      },
    );
    await equipItem({ db }, { characterId: p.characterId, itemId: rifle!.itemId });
    const { client, welcome } = await join(p, a.url);
    const me = welcome.self.eid;
    const onA = new Sight(client, welcome);

    // drops at the player's feet (ledger source `admin`), then one picked up
    let drops: DropRef[] = [];
    for (let i = 0; i < 15 && drops.length < 2; i++) {
      const res = await client.command('admin:loot', { tableId: 'crate_watson_common' });
      if (res.ok) drops = [...drops, ...(res.data as LootResult).drops];
    }
    expect(drops.length).toBeGreaterThanOrEqual(2);
    const picked = await client.command('loot:pickup', { eid: drops[0]!.eid });
    expect(picked.ok).toBe(true);

    // two punks pulled: the second, hit once (no bleed: it must live on), runs at the
    // player while the first dies — a kill on A: XP, eddies and the punk's drops are
    // paid out (committed) by A
    const [first, second] = await onA.until('two punks in rifle range', () => {
      const one = onA.nearestPunk();
      const two = one === undefined ? undefined : onA.nearestPunk(one);
      return two === undefined ? undefined : [one!, two];
    });
    await onA.attack(second, { done: () => hurt(onA.seen(second)) });
    await onA.attack(first, { powerShot: true, done: () => onA.seen(first)?.dead === true });
    const xp = await client.next('progress:xp', 10_000);
    expect(xp).toMatchObject({ source: punkTemplate.name, xpGained: expect.any(Number) });
    expect(xp.xpGained).toBeGreaterThan(0);
    // the fight goes on: the second punk reaches the player and hits
    await onA.until('the second punk hits back', () =>
      onA.events.some((e) => e.k === 'hit' && e.src === second && e.dst === me && (e.n ?? 0) > 0)
        ? true
        : undefined,
    );
    // mid-fight: both hurt, both alive, the player in combat
    expect(hurt(onA.seen(second))).toBe(true);
    expect(onA.seen(second)?.dead).toBe(false);
    expect(onA.self?.inCombat).toBe(true);
    expect(onA.self?.dead).toBeNull();

    // What is durable at this moment: level, XP, eddies and items are written in
    // transactions (the kill's award — its progress:xp comes after the commit —, the
    // loot, the pickup), and no such write is pending: the fight in progress changes
    // only health, position, the combat log and gear wear with weapon-skill XP, which
    // A flushes on timers (those may be lost, up to a flush interval). So level, XP,
    // eddies and the items must come through the kill exactly as read here — with one
    // allowance: a wear flush landing between this read and the kill can only lower
    // durability and raise skill XP.
    const before = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    expect(before).toMatchObject({ level: xp.level, xp: xp.xp });
    expect(before.eddies).toBeGreaterThan(0);
    const bagBefore = await itemsOf(p.characterId);
    const skillsBefore = await skillsOf(p.characterId);
    const groundBefore = await db.worldDrop.findMany({ where: { zoneId: 'watson' } });

    a.proc.kill('SIGKILL');
    const killedAt = Date.now();
    await client.next('disconnect', 10_000);
    // like the web client: every failed reconnect asks for a ticket until one names a live owner
    await eventually('Watson has a new owner', async () =>
      (await enter(p)).simUrl === b.url ? true : undefined,
    );
    const takeoverMs = Date.now() - killedAt;
    expect((await sims.leasesOf(b)).sort()).toEqual(['watson', 'westbrook']);
    const reconnected = await join(p, b.url);
    expect(reconnected.welcome.zone.id).toBe('watson');
    expect(reconnected.welcome.self.level).toBe(before.level);
    console.info(`takeover of watson after kill -9 mid-fight: ${takeoverMs} ms`);
    const onB = new Sight(reconnected.client, reconnected.welcome);

    // progress and the bag as they were; every drop still on the ground, once
    const after = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    expect(after).toMatchObject({ level: before.level, xp: before.xp, eddies: before.eddies });
    const bagAfter = await itemsOf(p.characterId);
    expect(bagAfter.map(({ durability: _, ...i }) => i)).toEqual(
      bagBefore.map(({ durability: _, ...i }) => i),
    );
    for (const [i, item] of bagAfter.entries())
      expect(item.durability ?? 0).toBeLessThanOrEqual(bagBefore[i]!.durability ?? 0);
    const skillsAfter = await skillsOf(p.characterId);
    for (const [skillId, xpBefore] of skillsBefore)
      expect(skillsAfter.get(skillId)).toBeGreaterThanOrEqual(xpBefore);
    const groundAfter = await db.worldDrop.findMany({ where: { zoneId: 'watson' } });
    expect(groundAfter.map((d) => d.id).sort()).toEqual(groundBefore.map((d) => d.id).sort());

    // B shows each drop in view once: the admin drops at the player's feet, the punk's
    const [meX, meY] = [reconnected.welcome.self.x, reconnected.welcome.self.y];
    const at = (x: number, y: number) => `${x},${y}`;
    const inView = groundAfter
      .map((d) => ({ x: toCm(d.x), y: toCm(d.y) }))
      .filter((d) => Math.hypot(d.x - meX, d.y - meY) <= toCm(VIEW_RADIUS))
      .map((d) => at(d.x, d.y))
      .sort();
    expect(inView.length).toBeGreaterThanOrEqual(drops.length - 1);
    const shown = await onB.until('B shows the drops in view', () => {
      const ds = [...onB.entities.values()].filter((e) => e.kind === 'drop');
      return ds.length >= inView.length ? ds.map((d) => at(d.x, d.y)).sort() : undefined;
    });
    expect(shown).toEqual(inView);
    // one of the admin drops at the player's feet can be picked up there
    const [eid] = [...onB.entities]
      .filter(([, e]) => e.kind === 'drop')
      .map(([id, e]) => [id, Math.hypot(e.x - onB.me[0], e.y - onB.me[1])] as const)
      .sort((x, y) => x[1] - y[1])[0]!;
    expect(await onB.client.command('loot:pickup', { eid })).toMatchObject({ ok: true });
    expect(await db.worldDrop.count({ where: { zoneId: 'watson' } })).toBe(groundAfter.length - 1);
    expect(await checkInvariants(db)).toEqual([]);

    // B runs Watson's NPCs: the player fights on there
    const punk = await onB.until('a punk in rifle range on B', () => onB.nearestPunk());
    const from = onB.events.length;
    await onB.attack(punk, {
      done: () =>
        onB.events
          .slice(from)
          .some((e) => e.src === reconnected.welcome.self.eid && e.dst === punk),
    });
  }, 90_000);
});
