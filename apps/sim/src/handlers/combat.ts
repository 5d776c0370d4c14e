import { CombatCancelSchema, CombatRespawnSchema, CombatUseSchema } from '@necp/shared';
import type { EventHandler } from './command';
import { zoneCommand } from './zone-command';

/**
 * combat:use { ability, target?, viewTick? } — into the zone's inbox; validated and
 * resolved (dice included) at the start of the next tick, then acked with the cast
 * time or the refusal code; combat:cancel {} — stop the cast; combat:respawn {} — a
 * dead player back at the nearest medical centre. All three share one rate window
 * per socket (`ctx.fights`).
 */
export const combatHandlers = {
  'combat:use': zoneCommand('combat:use', CombatUseSchema, {
    budget: 'fights',
    command: (characterId, use) => ({ k: 'use', characterId, use }),
    data: (used, use) => ({ ability: use.ability, castMs: used.castMs }),
  }),

  'combat:cancel': zoneCommand('combat:cancel', CombatCancelSchema, {
    budget: 'fights',
    command: (characterId) => ({ k: 'cancel', characterId }),
    // no cast to stop is no refusal: it may have ended on its own while the command travelled
    data: () => undefined,
  }),

  'combat:respawn': zoneCommand('combat:respawn', CombatRespawnSchema, {
    budget: 'fights',
    command: (characterId) => ({ k: 'respawn', characterId }),
    data: (respawned) => respawned.data,
  }),
} satisfies Record<string, EventHandler>;
