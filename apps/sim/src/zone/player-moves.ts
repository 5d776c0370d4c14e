import {
  TICK_MS,
  isStunned,
  refillBudget,
  refillPlayout,
  speedFactor,
  spendBudget,
  stepPosition,
  type Bounds,
  type Obstacle,
} from '@necp/shared';
import type { Player } from './player';

/**
 * Applies the queued inputs in order. Each spends movement time from the player's
 * budget, which real time (one tick) refills: a client claiming more time than
 * passed runs dry and is moved no further than max speed allows. Inputs that came
 * bunched are played out over the next ticks at up to 1.5× real time (the play-out
 * bank, see PLAYOUT_RATE): the rest stay queued, unacked, in order. Buildings block,
 * slows slow, the stunned and the dead stay put (their inputs are all acked at once,
 * so the client reconciles to where they stand).
 * Returns whether the player moved.
 */
export function applyInputs(p: Player, bounds: Bounds, obstacles: readonly Obstacle[]): boolean {
  p.budget = refillBudget(p.budget, TICK_MS);
  p.playoutMs = refillPlayout(p.playoutMs, TICK_MS);
  if (p.inputs.length === 0) return false;
  const from = { x: p.x, y: p.y };
  const frozen = p.combat.dead || isStunned(p.combat.effects);
  const speed = p.speed * speedFactor(p.combat.effects);
  let applied = 0;
  for (const input of p.inputs) {
    if (!frozen) {
      const { grantedMs, budget } = spendBudget(p.budget, input.ms);
      // a granted 0 (budget dry: a speed hack) costs no play-out and is dropped now
      if (grantedMs > p.playoutMs) break;
      p.budget = budget;
      p.playoutMs -= grantedMs;
      if (grantedMs > 0) {
        const next = stepPosition(p, input.dx, input.dy, grantedMs, speed, bounds, obstacles);
        p.x = next.x;
        p.y = next.y;
      }
    }
    p.lastSeq = input.seq;
    applied++;
  }
  p.inputs = applied === p.inputs.length ? [] : p.inputs.slice(applied);
  return p.x !== from.x || p.y !== from.y;
}
