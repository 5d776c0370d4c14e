/**
 * Steps of the tests of leaving a dungeon early and its backfill (instances/
 * dungeon-backfill.test.ts, instances/instance-leave.test.ts), on a file's database and
 * its current sim: players in Watson, the matcher's offers, entering an instance, a
 * whole dungeon group inside, and its boss shot down.
 */
import { expect } from 'vitest';
import { GCD_MS, instanceZoneId, type GroupRole } from '@necp/shared';
import type { Db } from '@necp/db';
import type { Npc } from '../npc/npc';
import type { Player as ZonePlayer } from '../zone/player';
import type { Zone } from '../zone/zone';
import type { TestClient } from './test-client';
import { createPlayerAt, type TestSim } from './test-sim';

type Client = TestClient;

export function dungeonKit(db: Db, current: () => TestSim) {
  async function inWatson(x: number, y: number) {
    const sim = current();
    // within the vault's levels (14–30)
    const p = await createPlayerAt(db, x, y, { level: 20 });
    const { client } = await sim.join(p);
    await client.next('match:status');
    return { ...p, client, name: p.character.name };
  }
  type P = Awaited<ReturnType<typeof inWatson>>;

  /** The next `event` that satisfies `ok` (earlier ones are skipped). */
  async function nextWith<E extends Parameters<Client['next']>[0]>(
    c: Client,
    event: E,
    ok: (m: Awaited<ReturnType<Client['next']>>) => boolean,
    ms = 3_000,
  ) {
    const end = Date.now() + ms;
    for (;;) {
      const m = await c.next(event, Math.max(50, end - Date.now()));
      if (ok(m)) return m;
    }
  }

  const row = (id: string) =>
    db.character.findUniqueOrThrow({ where: { id }, select: { zoneId: true, instanceId: true } });

  const queueAs = (p: P, role: GroupRole) =>
    p.client.command('match:queue', { queue: 'dungeon', role });

  let lastFound: { backfill?: boolean } | undefined;
  /** Ticks the matcher; each given player gets match:found: its id. */
  async function found(players: P[]): Promise<string> {
    await current().server.matchmaking.tick();
    let matchId = '';
    for (const p of players) {
      lastFound = await p.client.next('match:found');
      matchId = (lastFound as { matchId: string }).matchId;
    }
    return matchId;
  }

  /** Each is told to move in and reconnects into the instance. */
  async function enter(zoneId: string, players: P[]): Promise<P[]> {
    const inside: P[] = [];
    for (const p of players) {
      expect(await p.client.next('instance:transfer')).toMatchObject({ direction: 'enter' });
      p.client.close();
      const { client, welcome } = await current().join(p);
      expect(welcome.zone.id).toBe(zoneId);
      inside.push({ ...p, client });
    }
    return inside;
  }

  /** Five solos (tank, support, three damage) queued, matched, accepted and inside. */
  async function dungeonGroup() {
    const roles: GroupRole[] = ['tank', 'support', 'damage', 'damage', 'damage'];
    const players: P[] = [];
    for (const [i, role] of roles.entries()) {
      const p = await inWatson(100 + i * 4, 110);
      expect(await queueAs(p, role)).toMatchObject({ ok: true });
      players.push(p);
    }
    const matchId = await found(players);
    for (const p of players)
      expect(await p.client.command('match:answer', { matchId, accept: true })).toMatchObject({
        ok: true,
      });
    const zoneId = instanceZoneId('dungeon-arasaka-vault', matchId);
    const inside = await enter(zoneId, players);
    return { matchId, zoneId, inside, zone: current().server.zones.get(zoneId)! };
  }

  /** The boss brought to `p`, nearly dead, and shot down; the next tick sees the clear. */
  async function killBoss(zone: Zone, p: P) {
    const sim = current();
    const boss = [...zone.npcs.npcs()].find((n) => n.spawnId === 'vault-boss') as Npc;
    const me = zone.player(p.characterId) as ZonePlayer;
    zone.npcWorld.placeNpc(boss.eid, { x: me.x + 10, y: me.y });
    boss.health = 1;
    for (let i = 0; i < 10 && !boss.combat.dead; i++) {
      await p.client.command('combat:use', { ability: 'solo_power_shot', target: boss.eid });
      me.combat.cooldowns.clear();
      me.combat.gcdUntil = 0;
      sim.clock.advance(GCD_MS);
    }
    expect(boss.combat.dead).toBe(true);
    sim.step(1);
  }

  const backfillTickets = async () =>
    (await current().server.matchmaking.deps.store.oldestTickets('dungeon', 50)).filter(
      (t) => t.backfill,
    );

  return {
    inWatson,
    nextWith,
    row,
    queueAs,
    found,
    /** what the last match:found that found() read said */
    lastFound: () => lastFound,
    enter,
    dungeonGroup,
    killBoss,
    backfillTickets,
  };
}

/** A player in Watson of dungeonKit's inWatson: its character, its client and its name. */
export type DungeonPlayer = Awaited<ReturnType<ReturnType<typeof dungeonKit>['inWatson']>>;
