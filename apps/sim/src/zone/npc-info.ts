import { toCm, type EntityInfo } from '@necp/shared';
import { effectBriefs } from '../combat/combat-state';
import type { Npc } from '../npc/npc';

/** An NPC as a client first sees it: content ids for name/rank/abilities, live health and effects. */
export function npcInfo(n: Npc, now: number): EntityInfo {
  return {
    eid: n.eid,
    kind: 'npc',
    name: n.template.name,
    level: n.level,
    health: n.health,
    maxHealth: n.maxHealth,
    x: toCm(n.x),
    y: toCm(n.y),
    templateId: n.template.id,
    rank: n.template.rank,
    // hostile NPCs attack on sight; the others only fight back
    disposition: n.template.behaviour.aggroRange > 0 ? 'hostile' : 'neutral',
    ...(n.combat.dead ? { dead: true } : {}),
    ...(n.combat.effects.length > 0 ? { effects: effectBriefs(n.combat.effects, now) } : {}),
  };
}
