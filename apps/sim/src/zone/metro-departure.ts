import {
  METRO_SERVER_SLACK,
  inCombat,
  metroStationAt,
  type Refusal,
  type ZoneInfo,
} from '@necp/shared';
import type { Player } from './player';
import { YOU_ARE_DEAD } from '../net/refusals';

/**
 * Why `p` may not ride the metro from this zone to `to` now (null: it may). Judged
 * in the tick that applies the departure, and by the handler first for a quick answer.
 */
export function departureRefusal(
  p: Readonly<Player>,
  zone: ZoneInfo,
  to: string,
  now: number,
): Refusal | null {
  if (p.combat.dead) return YOU_ARE_DEAD;
  if (inCombat(p.combat.lastCombatAt, now))
    return { code: 'INVALID_STATE', message: "You can't ride the metro in combat." };
  // the one metro rule (shared), with the slack for the client's prediction lead
  if (!metroStationAt(zone.spawnPoints, p, METRO_SERVER_SLACK))
    return { code: 'INVALID_STATE', message: 'You need to be at a metro station.' };
  if (to === zone.id) return { code: 'INVALID_STATE', message: `You are already in ${zone.name}.` };
  return null;
}
