// The sim's outbox wiring, drained by hand: notices reach the character's own socket
// (also after a metro ride) and go nowhere once it closed; the default wiring registers
// the domain's subscribers, the sim's reactions and the scheduled jobs. The live worker
// role is live-worker.test.ts, on a database of its own: a drain marks every event it
// looked at as published, so the drains here and that worker must not share one.
import { describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { zoneById } from '@necp/shared';
import {
  DAILY_CLEANUP_CRONTAB,
  DAILY_CLEANUP_TASK,
  TRADE_EXPIRY_CRONTAB,
  AUCTION_SETTLE_CRONTAB,
  AUCTION_SETTLE_TASK,
  CRAFT_FINISH_CRONTAB,
  CRAFT_FINISH_TASK,
  MARKET_CRONTAB,
  MARKET_TASK,
  CONTRACT_CRONTAB,
  CONTRACT_TASK,
  TRADE_EXPIRY_TASK,
  drainOutbox,
  recordAreaEntered,
} from '@necp/game';
import { simOutboxSubscribers, simScheduledJobs } from './outbox-wiring';
import { simPerTestOnPostgresBus, testFactories } from '../testing/outbox-kit';
import { outboxTestDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';

const db = outboxTestDb('simOutboxWiring');
let sim: TestSim;
simPerTestOnPostgresBus(db, (s) => (sim = s));

const enter = (characterId: string, key: string) =>
  recordAreaEntered(sim.deps, { characterId, zoneId: 'watson', areaId: 'kabuki_market', key });

describe('outbox notices', () => {
  it("reach the character's socket only — also after it rode the metro", async () => {
    const prefix = uniq('wiring:');
    const a = await createPlayerAt(db, 40, 110);
    const b = await createPlayerAt(db, 44, 110);
    const ca = (await sim.join(a)).client;
    const cb = (await sim.join(b)).client;
    const subs = simOutboxSubscribers(sim.deps, testFactories(prefix));

    await enter(a.characterId, `${prefix}:1`);
    await drainOutbox(sim.deps, subs, { untilEmpty: true, push: sim.server.pushes });
    expect(await ca.next('quest:update')).toMatchObject({ questId: 'q_test', kind: 'progress' });
    expect(await ca.next('reputation:changed')).toMatchObject({ source: 'test' });
    await cb.sync();
    expect(cb.pending('quest:update') + cb.pending('reputation:changed')).toBe(0);

    // the room belongs to the character, not the zone: B rides to Westbrook and still hears
    const metro = zoneById('watson')?.spawnPoints.find((s) => s.kind === 'metro_station');
    const c = await createPlayerAt(db, metro?.x ?? 0, metro?.y ?? 0);
    const cc = (await sim.join(c)).client;
    expect(await cc.command('zone:travel', { to: 'westbrook' })).toMatchObject({ ok: true });
    await enter(c.characterId, `${prefix}:2`);
    await drainOutbox(sim.deps, subs, { untilEmpty: true, push: sim.server.pushes });
    expect(await cc.next('quest:update')).toMatchObject({ questId: 'q_test' });
    await ca.sync();
    expect(ca.pending('quest:update')).toBe(0);
  });

  it('a notice after the socket closed goes nowhere and breaks nothing', async () => {
    const prefix = uniq('wiring-gone:');
    const a = await createPlayerAt(db, 40, 110);
    const { client } = await sim.join(a);
    client.close();
    const subs = simOutboxSubscribers(sim.deps, testFactories(prefix));
    await enter(a.characterId, `${prefix}:1`);
    const r = await drainOutbox(sim.deps, subs, { untilEmpty: true, push: sim.server.pushes });
    expect(r.failures).toBe(0);
    const row = await db.outboxEvent.findUniqueOrThrow({
      where: { key: `${prefix}:1` },
      include: { consumptions: true },
    });
    expect(row.publishedAt).not.toBeNull();
    expect(row.consumptions.map((c) => c.subscriber).toSorted()).toEqual([
      `quests-${prefix}`,
      `reputation-${prefix}`,
    ]);
  });
});

describe('the default wiring', () => {
  it("registers the domain's guild renown, quests, reputation and achievements subscribers, the access, stats, title, guild and block reactions, the contracts' kill counter and progress pushes, and the daily cleanup job", () => {
    const subs = simOutboxSubscribers(sim.deps);
    expect(subs.size).toBe(11);
    expect(subs.forType('npc.killed').map((s) => s.name)).toEqual([
      'quests',
      'reputation',
      'achievements',
      'contracts',
    ]);
    for (const t of ['friend.added', 'party.joined'] as const)
      expect(subs.forType(t).map((s) => s.name)).toEqual(['achievements']);
    // renown first: it takes the Season row before the others lock characters
    for (const t of ['dungeon.cleared', 'raid.cleared', 'arena.match_finished'] as const)
      expect(subs.forType(t).map((s) => s.name)).toEqual(['guild-renown', 'achievements']);
    expect(subs.forType('achievement.earned').map((s) => s.name)).toEqual(['guild-renown']);
    expect(subs.forType('guild.member_joined').map((s) => s.name)).toEqual([
      'achievements',
      'sim-guild',
    ]);
    for (const t of ['guild.member_left', 'guild.disbanded', 'guild.invited'] as const)
      expect(subs.forType(t).map((s) => s.name)).toEqual(['sim-guild']);
    expect(subs.forType('account.access_changed').map((s) => s.name)).toEqual(['sim-access']);
    expect(subs.forType('character.stats_changed').map((s) => s.name)).toEqual(['sim-stats']);
    expect(subs.forType('craft.finished').map((s) => s.name)).toEqual(['contracts']);
    expect(subs.forType('character.title_changed').map((s) => s.name)).toEqual(['sim-title']);
    expect(subs.forType('character.block_changed').map((s) => s.name)).toEqual(['sim-blocks']);
    const jobs = simScheduledJobs(sim.deps);
    expect(Object.keys(jobs.tasks)).toEqual([
      DAILY_CLEANUP_TASK,
      TRADE_EXPIRY_TASK,
      AUCTION_SETTLE_TASK,
      CRAFT_FINISH_TASK,
      MARKET_TASK,
      CONTRACT_TASK,
    ]);
    expect(jobs.crontab).toEqual([
      DAILY_CLEANUP_CRONTAB,
      TRADE_EXPIRY_CRONTAB,
      AUCTION_SETTLE_CRONTAB,
      CRAFT_FINISH_CRONTAB,
      MARKET_CRONTAB,
      CONTRACT_CRONTAB,
    ]);
  });
});
