/**
 * Shared steps of the instance tests (dungeon, raid): waiting on the database, and a
 * boss brought next to a player nearly dead and shot down — its kill then paid
 * through the database like any other (XP, the chest rolled for by the party).
 */
import { expect } from 'vitest';
import { GCD_MS } from '@necp/shared';
import type { Db } from '@necp/db';
import type { Npc } from '../npc/npc';
import type { Player } from '../zone/player';
import type { Zone } from '../zone/zone';
import type { TestClient } from './test-client';
import type { TestSim } from './test-sim';
import { eventually } from './eventually';

export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * After a client's `close()`: waits until the zone has detached that character (the
 * server hears the close on its own time — a fixed 50 ms was too short on a loaded
 * machine, and the reconnect window then started after the steps that should end it).
 * A tick per look, so a detach that waits in the zone's inbox is applied too; the
 * window counts from the detach, so those ticks do not shorten it.
 */
export async function dropped(sim: TestSim, zone: Zone, characterId: string): Promise<void> {
  await eventually(`the zone detached ${characterId}`, () => {
    if (zone.player(characterId)?.conn === null) return true;
    sim.step(1);
    return false;
  });
}

/** The boss, 10 m east of `me` with 1 health, shot down by `client` (Power Shot, cooldowns skipped). */
export async function shootDownBoss(
  sim: TestSim,
  zone: Zone,
  boss: Npc,
  me: Player,
  client: TestClient,
) {
  zone.npcWorld.placeNpc(boss.eid, { x: me.x + 10, y: me.y });
  boss.health = 1;
  for (let i = 0; i < 10 && !boss.combat.dead; i++) {
    expect(
      await client.command('combat:use', { ability: 'solo_power_shot', target: boss.eid }),
    ).toMatchObject({ ok: true });
    me.combat.cooldowns.clear();
    me.combat.gcdUntil = 0;
    sim.clock.advance(GCD_MS);
  }
  expect(boss.combat.dead).toBe(true);
}

/**
 * A reconnected socket is in its party's room, if it has a party: the sim joins it after the welcome
 * (session/connect.ts joinParty) and then says `party:update`. A kill before that would
 * send the party's `loot:roll_start` to a room the socket is not in yet (a flake seen
 * under CI load).
 */
export async function inPartyRoom(client: TestClient) {
  await client.next('party:update');
}

/**
 * The kill paid: XP to the killer, and the boss's one drop (the chest) rolled for by
 * both party members (a roll row each). Returns the drop.
 */
export async function expectChestRolled(
  db: Db,
  zoneId: string,
  killer: TestClient,
  mate: TestClient,
) {
  const xp = await killer.next('progress:xp');
  expect(xp.xpGained).toBeGreaterThan(0);
  const startA = await killer.next('loot:roll_start');
  const startB = await mate.next('loot:roll_start');
  expect(startB.dropId).toBe(startA.dropId);
  const drop = await db.worldDrop.findUniqueOrThrow({ where: { id: startA.dropId } });
  expect(drop).toMatchObject({ zoneId, rollUntil: expect.any(Date) });
  expect(await db.lootRoll.count({ where: { dropId: drop.id } })).toBe(2);
  return drop;
}
