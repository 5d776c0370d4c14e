/**
 * Watson as a client sees it on arrival: the welcome message a sim would send for
 * a level-8 character at Kabuki Market (the zone's layout from packages/shared content).
 */
import { zoneById, type WelcomeMsg, type ZoneInfo } from '@necp/shared';
import { zoneInfo } from '../../../../apps/sim/src/zone/zone-info';
import { idleCombat } from '../../../../apps/web/src/game/world/world-state';

/** Kabuki Market, Watson's player start: the crowd mills around it (metres). */
export const MARKET = { x: 256, y: 256 } as const;

/** Watson's layout as the sim describes it on welcome (its own zoneInfo). */
export function watsonInfo(): ZoneInfo {
  const c = zoneById('watson');
  if (!c) throw new Error('no watson in content');
  return zoneInfo(c);
}

export function watsonWelcome(): WelcomeMsg {
  return {
    zone: watsonInfo(),
    self: {
      eid: 1,
      kind: 'player',
      name: 'Valerie',
      level: 8,
      health: 240,
      maxHealth: 240,
      x: MARKET.x * 100,
      y: MARKET.y * 100,
      characterId: 'bench-self',
      speed: 6,
      classId: 'solo',
      abilities: ['solo_attack'],
      combat: idleCombat(),
      guildTag: 'NCPD',
    },
    tick: 1,
    tickHz: 20,
    resumed: false,
    lastSeq: 0,
  };
}
