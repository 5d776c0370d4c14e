import {
  DUNGEON_NPC_RESPAWN_SECONDS,
  QUEUE_SPECS,
  groupHealthScale,
  npcTemplateById,
  type MatchKind,
  type NpcTemplate,
} from '@necp/shared';

/** The group a dungeon or raid is made for (its queue's composition). */
export function fullGroupSize(kind: 'dungeon' | 'raid'): number {
  const spec = QUEUE_SPECS[kind];
  if (spec.kind === 'arena') return 1;
  const c = spec.composition;
  return c.tank + c.support + c.damage;
}

/**
 * The NPC templates inside a dungeon or raid: nothing respawns while it runs (a
 * cleared room stays cleared), and a group smaller than the content is made for
 * (a premade party that did not fill) fights NPCs with their share of health.
 */
export function instanceNpcTemplates(
  kind: Exclude<MatchKind, 'arena'>,
  members: number,
): (id: string) => NpcTemplate | undefined {
  const scale = groupHealthScale(members, fullGroupSize(kind));
  return (id) => {
    const t = npcTemplateById(id);
    if (!t) return undefined;
    return {
      ...t,
      respawnSeconds: DUNGEON_NPC_RESPAWN_SECONDS,
      health: Math.max(1, Math.round(t.health * scale)),
    };
  };
}
