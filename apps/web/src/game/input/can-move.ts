import type { GameState } from '../store/game-store';
import type { WorldState } from '../world/world-state';

/** Keys and the stick move the character only in the world, alive, with nothing over it. */
export const canMove = (s: GameState, world: WorldState | null): boolean =>
  !s.menuOpen &&
  !s.kicked &&
  !s.fatal &&
  !s.ride &&
  !s.transfer &&
  s.status === 'connected' &&
  !world?.selfDead;
