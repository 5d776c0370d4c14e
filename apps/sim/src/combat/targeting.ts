import { distance, type AbilityTargetState, type AbilityTemplate, type Vec2 } from '@necp/shared';
import type { CombatWorld } from './combat-world';
import { hostile, type Fighter } from './fighter';

/** An area ability without maxTargets hits at most this many. */
const DEFAULT_MAX_TARGETS = 10;

/** A target eid that names nobody present: refused as INVALID_TARGET (after the user's own checks). */
export const MISSING: AbilityTargetState = {
  self: false,
  hostile: false,
  dead: true,
  distance: Infinity,
  lineOfSight: false,
};

/** The target as the use check sees it, at the nearer of now and the user's view of it. */
export function targetState(
  world: CombatWorld,
  user: Fighter,
  t: Fighter,
  viewTick: number | undefined,
): AbilityTargetState {
  const at = aimPoint(world, user, t, viewTick);
  return {
    self: t === user,
    hostile: hostile(user, t),
    dead: t.combat.dead,
    distance: distance(user, at),
    lineOfSight: t === user || world.lineOfSight(user, at),
  };
}

/** Lag compensation: where the client saw the target, if that was nearer (bounded rewind). */
function aimPoint(
  world: CombatWorld,
  user: Fighter,
  t: Fighter,
  viewTick: number | undefined,
): Vec2 {
  if (viewTick === undefined || user.kind !== 'player' || t === user) return t;
  const past = world.positionAt(t.eid, viewTick);
  if (!past) return t;
  return distance(user, past) < distance(user, t) ? past : t;
}

/** Living enemies of `user` within the radius of `centre` and in its sight, nearest first. */
export function areaTargets(
  world: CombatWorld,
  user: Fighter,
  centre: Fighter,
  ability: AbilityTemplate,
): Fighter[] {
  const radius = ability.radius ?? 0;
  const max = ability.maxTargets ?? DEFAULT_MAX_TARGETS;
  return world
    .fightersNear(centre.x, centre.y, radius)
    .filter(
      (t) => !t.combat.dead && hostile(user, t) && (t === centre || world.lineOfSight(centre, t)),
    )
    .map((t) => ({ t, d: distance(centre, t) }))
    .sort((a, b) => a.d - b.d || a.t.eid - b.t.eid)
    .slice(0, max)
    .map((x) => x.t);
}
