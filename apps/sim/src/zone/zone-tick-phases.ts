import { AUTO_RESPAWN_MS, RECONNECT_GRACE_MS, type ZoneArea } from '@necp/shared';
import type { Log } from '@necp/game';
import type { Fighter } from '../combat/fighter';
import { applyInputs } from './player-moves';
import { updateAreas, type AreaSink } from './zone-areas';
import { remove } from './zone-arrivals';
import { respawnPlayer } from './zone-respawn';
import type { ZoneState } from './zone-state';

// The player phases of a zone's tick (Zone.advance runs them in its order).

/** Each player's queued inputs, applied; moving breaks concentration (a cast ends). */
export function movePlayers(z: ZoneState): void {
  for (const p of z.players.values()) {
    if (!applyInputs(p, z.bounds, z.obstacles)) continue;
    p.dirty = true;
    p.areasDirty = true;
    z.space.moved(p);
    z.saves.checkServicePoints(p);
    if (p.combat.cast) z.combat.interrupt(p);
  }
}

/** Players whose client dropped more than RECONNECT_GRACE_MS ago leave (and are saved). */
export function removeDropped(z: ZoneState, now: number): void {
  for (const p of [...z.players.values()])
    if (p.conn === null && p.droppedAt !== null && now - p.droppedAt >= RECONNECT_GRACE_MS)
      remove(z, p.characterId);
}

/** The dead are back at a medical centre after AUTO_RESPAWN_MS (not where an instance refuses it). */
export function autoRespawn(z: ZoneState, now: number): void {
  if (z.noRespawn) return;
  for (const p of z.players.values())
    if (p.combat.dead && now >= (p.combat.diedAt ?? now) + AUTO_RESPAWN_MS) respawnPlayer(z, p);
}

/** Area entries of the players that moved or respawned; a failing sink is logged, the tick goes on. */
export function reportAreas(
  z: ZoneState,
  areas: readonly ZoneArea[],
  sink: AreaSink,
  log: Log,
): void {
  for (const p of z.players.values()) {
    if (!p.areasDirty) continue;
    try {
      updateAreas(p, areas, sink);
    } catch (err) {
      log.warn({ err, characterId: p.characterId }, 'reporting an area entry failed');
    }
  }
}

/** Players first, then the NPCs in view (the combat engine steps them in this order). */
export function fightersOf(z: Pick<ZoneState, 'players' | 'npcs' | 'space'>): Fighter[] {
  const out: Fighter[] = [...z.players.values()];
  for (const npc of z.npcs.npcs()) if (z.space.has(npc.eid)) out.push(npc);
  return out;
}

/** Forgets players that left and whom no living NPC owes kill credit. */
export function pruneEids(z: ZoneState): void {
  const owed = new Set<number>();
  for (const npc of z.npcs.npcs()) for (const eid of npc.damageBy.keys()) owed.add(eid);
  z.players.prune((eid) => z.space.has(eid), owed);
}
