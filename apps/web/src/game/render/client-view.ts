import type { EntityInfo, NpcDisposition } from '@necp/shared';
import type { CombatController } from '../combat/combat-controller';
import type { GameStore } from '../store/game-store';
import type { Interactions } from '../world/interactions';
import type { WorldState } from '../world/world-state';
import type { Renderer } from './renderer';

/**
 * What the client's outputs read each frame — the canvas (FramePainter), the HUD
 * (HudPublisher) and the tests' window (testViewOf) — so the three see one world.
 */
export interface ClientView {
  readonly store: GameStore;
  /** the own character */
  readonly characterId: string;
  readonly renderer: Renderer;
  readonly combat: CombatController;
  readonly interactions: Interactions;
  world(): WorldState | null;
  /** now in server time (loot rights are stamped in it) */
  serverNow(): number;
  /** the own party's id (its loot is ours to take too) */
  partyId(): string | null;
  /** an NPC's disposition; a player of the other arena team is hostile */
  disposition(eid: number, info: EntityInfo): NpcDisposition | 'hostile' | null;
  /** the achievement title over the own plate (the one just chosen, before the sim says it) */
  selfTitle(world: WorldState): string | null;
}
