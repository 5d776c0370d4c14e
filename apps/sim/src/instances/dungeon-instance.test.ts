// A dungeon instance (Arasaka Data Vault) on one process (memory leases, fake
// clock, real PostgreSQL): a party of two with need/greed loot is sent in from
// Watson, reconnects at the entrance, kills the boss — the kill pays through the
// database like the open world's, the boss's drop is rolled for by both — the
// clear is published once for both (dungeon.cleared) and pushed, and two minutes
// later the instance closes, its drops are gone and both are back where they stood.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DUNGEON_CLOSE_AFTER_CLEAR_MS, instanceZoneId, npcTemplateById } from '@necp/shared';
import { checkInvariants, recordInstanceCleared } from '@necp/game';
import type { Npc } from '../npc/npc';
import { eventually } from '../testing/eventually';
import { expectChestRolled, inPartyRoom, shootDownBoss, wait } from '../testing/instance-kit';
import { testDb } from '../testing/test-db';
import { simPerTest } from '../testing/sim-per-test';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import type { Player } from '../zone/player';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

async function inWatson(x: number, y: number) {
  const p = await createPlayerAt(db, x, y);
  const { client } = await sim.join(p);
  expect(await client.next('party:update')).toEqual({ party: null });
  return { ...p, client, name: p.character.name };
}

const row = (id: string) =>
  db.character.findUniqueOrThrow({
    where: { id },
    select: { zoneId: true, x: true, y: true, instanceId: true },
  });

describe('a dungeon instance', () => {
  // a whole journey (party, transfer, fight, loot roll, clear, close) through a live sim:
  // ~10 s on a quiet machine, over 20 s on a loaded 2-core one
  it('pays the boss kill under the party loot mode, credits the clear once and sends the party back', async () => {
    const a = await inWatson(100, 110);
    const b = await inWatson(104, 112);
    // a party with need/greed on everything
    await a.client.command('party:invite', { name: b.name });
    const inv = await b.client.next('party:invited');
    await b.client.command('party:accept', { inviteId: inv.inviteId });
    expect(
      await a.client.command('party:loot_mode', { mode: 'need_greed', threshold: 'common' }),
    ).toEqual({ ok: true });

    const matchId = randomUUID();
    expect(
      await sim.server.instances.open({
        matchId,
        queue: 'dungeon',
        kind: 'dungeon',
        bracket: null,
        teams: [[a.characterId, b.characterId]],
      }),
    ).toBe(true);
    const zoneId = instanceZoneId('dungeon-arasaka-vault', matchId);
    const zone = sim.server.zones.get(zoneId)!;
    expect(zone.info.name).toBe('Arasaka Data Vault');
    const sink = sim.server.combat.get(zoneId)!;
    expect(sink).toBeDefined();

    // both are sent in and reconnect at the entrance
    const inside = [];
    for (const p of [a, b]) {
      expect(await p.client.next('instance:transfer')).toEqual({
        direction: 'enter',
        kind: 'dungeon',
        zoneName: 'Arasaka Data Vault',
      });
      p.client.close();
      const { client, welcome } = await sim.join(p);
      expect(welcome.zone.id).toBe(zoneId);
      expect(zone.player(p.characterId)!.x).toBeLessThan(20);
      await inPartyRoom(client);
      inside.push({ ...p, client });
    }
    const [a2, b2] = inside as [(typeof inside)[0], (typeof inside)[0]];
    expect(await row(a.characterId)).toMatchObject({ zoneId: 'watson', x: 100, y: 110 });

    // the boss (the stand-in) is brought to the entrance, nearly dead, and shot down
    const boss = [...zone.npcs.npcs()].find((n) => n.spawnId === 'vault-boss') as Npc;
    expect(boss.template.rank).toBe('boss');
    // a party of two in a dungeon made for five: its NPCs have 40 % of their health
    expect(boss.template.health).toBe(Math.round(npcTemplateById('reef_warden')!.health * 0.4));
    expect(boss.health).toBe(boss.template.health);
    const me = zone.player(a.characterId) as Player;
    await shootDownBoss(sim, zone, boss, me, a2.client);
    await sink.drain();

    // the kill paid through the database: XP, and the boss's drop rolled for by both
    await expectChestRolled(db, zoneId, a2.client, b2.client);

    // the clear: seen in the next tick, pushed to both, published once for both
    sim.step(1);
    const rules = sim.server.instances.clearRulesOf(zoneId)!;
    expect(rules.cleared?.present.sort()).toEqual([a.characterId, b.characterId].sort());
    for (const c of [a2.client, b2.client])
      expect(await c.next('instance:cleared')).toEqual({
        matchId,
        kind: 'dungeon',
        templateId: 'dungeon-arasaka-vault',
        name: 'Arasaka Data Vault',
        closeInMs: DUNGEON_CLOSE_AFTER_CLEAR_MS,
      });
    sim.step(5);
    const key = `dungeon.cleared:${zoneId}`;
    const events = await eventually('the clear is published', async () => {
      const rows = await db.outboxEvent.findMany({ where: { type: 'dungeon.cleared', key } });
      return rows.length > 0 && rows;
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({
      instanceId: zoneId,
      dungeonId: 'dungeon-arasaka-vault',
      characterIds: [a.characterId, b.characterId].sort(),
    });
    // a retry publishes nothing more
    expect(
      await recordInstanceCleared(sim.deps, {
        kind: 'dungeon',
        instanceId: zoneId,
        templateId: 'dungeon-arasaka-vault',
        characterIds: [a.characterId],
      }),
    ).toBe(false);
    expect(await db.outboxEvent.count({ where: { key } })).toBe(1);

    // still open before the delay; closed after it, both sent back to Watson
    sim.clock.advance(DUNGEON_CLOSE_AFTER_CLEAR_MS - 1_000);
    await wait(400);
    expect(sim.server.zones.has(zoneId)).toBe(true);
    sim.clock.advance(1_000);
    for (const c of [a2.client, b2.client])
      expect(await c.next('instance:transfer', 2_000)).toEqual({
        direction: 'leave',
        kind: 'dungeon',
        zoneName: 'Watson',
        reason: 'finished',
      });
    await eventually('the instance zone is closed', () => !sim.server.zones.has(zoneId));
    expect(sim.server.combat.has(zoneId)).toBe(false);
    expect(await db.instance.findUnique({ where: { id: zoneId } })).toMatchObject({
      state: 'closed',
      closeReason: 'finished',
    });
    // nothing is left lying in a zone nobody runs; the ledger balances
    expect(await db.worldDrop.count({ where: { zoneId } })).toBe(0);
    expect(await checkInvariants(db, { characterIds: [a.characterId, b.characterId] })).toEqual([]);
    // back where they stood in Watson
    for (const [p, at] of [
      [a, { x: 100, y: 110 }],
      [b, { x: 104, y: 112 }],
    ] as const) {
      expect(await row(p.characterId)).toEqual({ zoneId: 'watson', ...at, instanceId: null });
      const { client, welcome } = await sim.join(p);
      expect(welcome.zone.id).toBe('watson');
      expect(welcome.self).toMatchObject({ x: at.x * 100, y: at.y * 100 });
      client.close();
    }
  }, 60_000);

  it('records a death inside: character.died names the instance, the return point stays', async () => {
    const a = await inWatson(100, 110);
    const matchId = randomUUID();
    expect(
      await sim.server.instances.open({
        matchId,
        queue: 'dungeon',
        kind: 'dungeon',
        bracket: null,
        teams: [[a.characterId]],
      }),
    ).toBe(true);
    const zoneId = instanceZoneId('dungeon-arasaka-vault', matchId);
    const zone = sim.server.zones.get(zoneId)!;
    expect(await a.client.next('instance:transfer')).toMatchObject({ direction: 'enter' });
    a.client.close();
    const { client } = await sim.join(a);
    const me = zone.player(a.characterId) as Player;
    // a guard of the vault is brought next to the player, who is nearly dead
    const guard = [...zone.npcs.npcs()].find((n) => n.template.rank !== 'boss') as Npc;
    zone.npcWorld.placeNpc(guard.eid, { x: me.x + 1, y: me.y });
    me.health = 1;
    for (let i = 0; i < 30 && !zone.isDead(a.characterId); i++) {
      guard.combat.gcdUntil = 0;
      zone.npcWorld.useAbility(guard.eid, 'npc_attack', me.eid);
    }
    expect(zone.isDead(a.characterId)).toBe(true);
    await sim.server.combat.get(zoneId)!.drain();

    const deaths = await db.outboxEvent.findMany({
      where: { type: 'character.died', key: { startsWith: `character.died:${a.characterId}:` } },
    });
    expect(deaths).toHaveLength(1);
    expect(deaths[0]!.payload).toMatchObject({ characterId: a.characterId, zoneId });
    // the row keeps its open-world return point (an instance is no Zone row)
    expect(await row(a.characterId)).toEqual({
      zoneId: 'watson',
      x: 100,
      y: 110,
      instanceId: zoneId,
    });
    client.close();
  });
});
