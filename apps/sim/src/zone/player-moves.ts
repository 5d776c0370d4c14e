import {
  TICK_MS,
  isStunned,
  refillBudget,
  speedFactor,
  spendBudget,
  stepPosition,
  type Bounds,
  type Obstacle,
} from '@necp/shared';
import type { Player } from './player';

/**
 * Drains this tick's inputs in order. Each input spends movement time from the
 * player's budget, which real time (one tick) refills: a client claiming more
 * time than passed runs dry and is moved no further than max speed allows.
 * Buildings block, slows slow, the stunned and the dead stay put (their inputs
 * are still acked, so the client reconciles to where they stand).
 * Returns whether the player moved.
 */
export function applyInputs(p: Player, bounds: Bounds, obstacles: readonly Obstacle[]): boolean {
  p.budget = refillBudget(p.budget, TICK_MS);
  if (p.inputs.length === 0) return false;
  const from = { x: p.x, y: p.y };
  const frozen = p.combat.dead || isStunned(p.combat.effects);
  const speed = p.speed * speedFactor(p.combat.effects);
  for (const input of p.inputs) {
    const { grantedMs, budget } = spendBudget(p.budget, input.ms);
    p.budget = budget;
    if (grantedMs > 0 && !frozen) {
      const next = stepPosition(p, input.dx, input.dy, grantedMs, speed, bounds, obstacles);
      p.x = next.x;
      p.y = next.y;
    }
    p.lastSeq = input.seq;
  }
  p.inputs = [];
  return p.x !== from.x || p.y !== from.y;
}
