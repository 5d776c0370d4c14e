import { DROP_DESPAWN_MS, DROP_OWNER_MS } from '@necp/shared';
import type { Clock } from '../core/clock';

/** When a new drop becomes free for all, and when it despawns. */
export function dropTimers(clock: Clock): { freeAt: Date; despawnAt: Date } {
  const now = clock.ms();
  return { freeAt: new Date(now + DROP_OWNER_MS), despawnAt: new Date(now + DROP_DESPAWN_MS) };
}
