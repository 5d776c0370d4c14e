/** What the HUD asks of combat: targets, abilities, respawn, XP the API granted. */
import type { XpGainMsg } from '@necp/shared';
import type { CombatController } from './combat-controller';

export interface CombatHudCommands {
  /** Tab: next hostile NPC in view */
  tabTarget: () => void;
  /** Esc: true when a target was cleared */
  clearTarget: () => boolean;
  /** keys 1–6 / a click on the bar (slot 0–5) */
  activateSlot: (slot: number) => void;
  respawn: () => void;
  /** XP the API granted (a quest turn-in): the XP bar, level-up banner and ability bar follow */
  xpGained: (msg: XpGainMsg) => void;
}

type Client = { combat: CombatController; inView: (p: { x: number; y: number }) => boolean };

export const combatHudCommands = (client: () => Client | null): CombatHudCommands => ({
  tabTarget: () => {
    const c = client();
    c?.combat.tab(performance.now(), c.inView);
  },
  clearTarget: () => client()?.combat.clearTarget() ?? false,
  activateSlot: (slot) => {
    const c = client();
    void c?.combat.activateSlot(slot, performance.now(), c.inView);
  },
  respawn: () => void client()?.combat.respawn(),
  xpGained: (msg) => client()?.combat.onXp(msg, performance.now()),
});
