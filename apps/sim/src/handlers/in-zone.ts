import { distance, type Vec2 } from '@necp/shared';
import { NOT_IN_ZONE, SimRefusal, YOU_ARE_DEAD } from '../net/refusals';
import type { ZoneLoot } from '../loot/zone-loot';
import type { Player } from '../zone/player';
import type { Zone } from '../zone/zone';
import type { CommandContext } from './command';

/** The session's character as its current zone simulates it (server position, level). */
export function playerOf(ctx: CommandContext): Readonly<Player> {
  const p = ctx.session.zone.player(ctx.session.characterId);
  if (!p) throw new SimRefusal(NOT_IN_ZONE);
  return p;
}

/** The loot state (drops, crate cooldowns) of a zone served here. */
export function lootOf(ctx: CommandContext, zone: Zone): ZoneLoot {
  const loot = ctx.loot.get(zone.id);
  if (!loot) throw new Error(`zone ${zone.id} has no loot state`);
  return loot;
}

/** playerOf, refused with DEAD while the character waits to respawn. */
export function alivePlayerOf(ctx: CommandContext): Readonly<Player> {
  const p = playerOf(ctx);
  if (p.combat.dead) throw new SimRefusal(YOU_ARE_DEAD);
  return p;
}

/** Range checks use the server's position, never the client's claim. */
export function requireInRange(p: Vec2, target: Vec2, range: number, what: string): void {
  if (distance(p, target) > range)
    throw new SimRefusal({ code: 'INVALID_STATE', message: `Too far away from ${what}.` });
}

/** Refreshes stats after an inventory change; a failure is logged, the change already happened. */
export async function refreshAfterChange(ctx: CommandContext): Promise<void> {
  try {
    await ctx.stats.refresh();
  } catch (err) {
    ctx.log.warn({ err }, 'refreshing stats after an inventory change failed');
  }
}
