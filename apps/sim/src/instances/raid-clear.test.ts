// The raid's encounter (Quantum Reef Siege) on one process (memory leases, fake
// clock, real PostgreSQL): four members of a raid group — two of them a party with
// need/greed — are sent in from Watson, three reconnect with their quantum sync
// tokens (the fourth never comes). The map's packs and its boss stand there, none
// respawning; Quantum Leviathan NX-0 telegraphs and goes through its phases, is
// shot down — the kill pays through the database like the open world's and its
// chest is rolled for by the party — and the clear is published once as
// raid.cleared naming the three inside, pushed to them as instance:cleared, and two
// minutes later the instance closes: drops gone, ledger balanced, everyone back
// where they stood.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DUNGEON_CLOSE_AFTER_CLEAR_MS,
  DUNGEON_NPC_RESPAWN_SECONDS,
  instanceZoneId,
  npcTemplateById,
  templateForMatch,
} from '@necp/shared';
import { checkInvariants, mintQuantumSyncToken, recordInstanceCleared } from '@necp/game';
import type { Npc } from '../npc/npc';
import { connectClient } from '../testing/test-client';
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
  return { ...p, client, name: p.character.name, at: { x, y } };
}

const row = (id: string) =>
  db.character.findUniqueOrThrow({
    where: { id },
    select: { zoneId: true, x: true, y: true, instanceId: true },
  });

describe('the raid encounter', () => {
  // a whole journey (party, transfer, fight, loot roll, clear, close) through a live sim:
  // ~10 s on a quiet machine, over 20 s on a loaded 2-core one
  it('the boss falls: raid.cleared once for those inside, the push, the close and everyone back', async () => {
    const [a, b, c, d] = [
      await inWatson(100, 110),
      await inWatson(104, 112),
      await inWatson(108, 106),
      await inWatson(96, 114),
    ];
    // a and b are a party with need/greed on everything
    await a.client.command('party:invite', { name: b.name });
    const inv = await b.client.next('party:invited');
    await b.client.command('party:accept', { inviteId: inv.inviteId });
    expect(
      await a.client.command('party:loot_mode', { mode: 'need_greed', threshold: 'common' }),
    ).toEqual({ ok: true });

    const matchId = randomUUID();
    const members = [a, b, c, d];
    expect(
      await sim.server.instances.open({
        matchId,
        queue: 'raid',
        kind: 'raid',
        bracket: null,
        teams: [members.map((p) => p.characterId)],
      }),
    ).toBe(true);
    const zoneId = instanceZoneId('raid-quantum-reef', matchId);
    const zone = sim.server.zones.get(zoneId)!;
    expect(zone.info.name).toBe('Quantum Reef Siege');
    // the raid's kills pay: it has the zone services like the open world and the dungeon
    const sink = sim.server.combat.get(zoneId)!;
    expect(sink).toBeDefined();

    // the map's packs and its boss stand there; nothing in it respawns
    const npcs = [...zone.npcs.npcs()] as Npc[];
    const spawns = templateForMatch('raid')!.content.npcSpawns;
    expect(npcs).toHaveLength(spawns.reduce((n, s) => n + s.count, 0));
    for (const n of npcs) expect(n.template.respawnSeconds).toBe(DUNGEON_NPC_RESPAWN_SECONDS);
    const boss = npcs.find((n) => n.spawnId === 'reef-core-boss')!;
    expect(boss.template).toMatchObject({ id: 'quantum_leviathan', rank: 'boss' });

    // three are sent in and reconnect with their tokens; d never comes
    const inside = [];
    for (const p of [a, b, c]) {
      expect(await p.client.next('instance:transfer')).toEqual({
        direction: 'enter',
        kind: 'raid',
        zoneName: 'Quantum Reef Siege',
      });
      p.client.close();
      const { token } = await mintQuantumSyncToken(sim.deps, {
        characterId: p.characterId,
      });
      const { client, welcome } = await connectClient(sim.server.port, {
        ticket: await sim.ticket(p.userId, p.characterId),
        quantumSyncToken: token,
      });
      expect(welcome.zone.id).toBe(zoneId);
      expect(zone.player(p.characterId)!.x).toBeLessThan(26); // on the dock
      await inPartyRoom(client);
      inside.push({ ...p, client });
    }
    const [a2, b2, c2] = inside as [(typeof inside)[0], (typeof inside)[0], (typeof inside)[0]];
    d.client.close();
    expect(await row(a.characterId)).toMatchObject({ zoneId: 'watson', x: 100, y: 110 });

    // the fight is brought to the dock (the boss's home moved with it, so it does not
    // leash): it pulls a and announces a telegraphed attack of its first phase
    const me = zone.player(a.characterId) as Player;
    boss.home = { x: me.x + 15, y: me.y };
    zone.npcWorld.placeNpc(boss.eid, boss.home);
    const phases = npcTemplateById('quantum_leviathan')!.boss!.phases;
    for (let i = 0; i < 20 && !boss.boss?.pending; i++) sim.step(1);
    expect(phases[0]!.attacks).toContain(boss.boss?.pending?.attackId);
    // its phases follow its health
    boss.health = Math.floor(boss.template.health * 0.5);
    sim.step(1);
    expect(boss.boss?.phase).toBe(1);
    boss.health = Math.floor(boss.template.health * 0.3);
    sim.step(1);
    expect(boss.boss?.phase).toBe(2);
    expect(me.combat.dead).toBe(false);

    // nearly dead, shot down
    await shootDownBoss(sim, zone, boss, me, a2.client);
    await sink.drain();

    // the kill paid through the database: XP, and the chest rolled for by the party
    await expectChestRolled(db, zoneId, a2.client, b2.client);

    // the clear: seen in the next tick, pushed to the three inside, published once naming them
    sim.step(1);
    const present = [a.characterId, b.characterId, c.characterId].sort();
    expect(sim.server.instances.clearRulesOf(zoneId)!.cleared?.present.sort()).toEqual(present);
    for (const cl of [a2.client, b2.client, c2.client])
      expect(await cl.next('instance:cleared')).toEqual({
        matchId,
        kind: 'raid',
        templateId: 'raid-quantum-reef',
        name: 'Quantum Reef Siege',
        closeInMs: DUNGEON_CLOSE_AFTER_CLEAR_MS,
      });
    sim.step(5);
    const key = `raid.cleared:${zoneId}`;
    const events = await eventually('the clear is published', async () => {
      const rows = await db.outboxEvent.findMany({ where: { key } });
      return rows.length > 0 && rows;
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'raid.cleared',
      payload: { instanceId: zoneId, raidId: 'raid-quantum-reef', characterIds: present },
    });
    // no dungeon event for a raid; a retry publishes nothing more
    expect(await db.outboxEvent.count({ where: { key: `dungeon.cleared:${zoneId}` } })).toBe(0);
    expect(
      await recordInstanceCleared(sim.deps, {
        kind: 'raid',
        instanceId: zoneId,
        templateId: 'raid-quantum-reef',
        characterIds: [a.characterId],
      }),
    ).toBe(false);
    expect(await db.outboxEvent.count({ where: { key } })).toBe(1);
    // more ticks clear nothing more
    sim.step(3);
    for (const cl of [a2.client, b2.client, c2.client]) {
      await cl.sync();
      expect(cl.pending('instance:cleared')).toBe(0);
    }

    // still open before the delay; closed after it, the three sent back to Watson
    sim.clock.advance(DUNGEON_CLOSE_AFTER_CLEAR_MS - 1_000);
    await wait(400);
    expect(sim.server.zones.has(zoneId)).toBe(true);
    sim.clock.advance(1_000);
    for (const cl of [a2.client, b2.client, c2.client])
      expect(await cl.next('instance:transfer', 2_000)).toEqual({
        direction: 'leave',
        kind: 'raid',
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
    const ids = members.map((p) => p.characterId);
    expect(await checkInvariants(db, { characterIds: ids })).toEqual([]);
    // everyone (d too, who never came) is back where they stood
    for (const p of members) {
      expect(await row(p.characterId)).toEqual({ zoneId: 'watson', ...p.at, instanceId: null });
      const { client, welcome } = await sim.join(p);
      expect(welcome.zone.id).toBe('watson');
      expect(welcome.self).toMatchObject({ x: p.at.x * 100, y: p.at.y * 100 });
      client.close();
    }
  }, 60_000);
});
