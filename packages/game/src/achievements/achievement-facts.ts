/**
 * Domain events as achievement facts (packages/shared achievement-progress.ts): which
 * characters an event credits, and with what. Kills credit every killer; instance
 * clears every character inside; an arena match its winners; a friendship both ends.
 */
import { itemTemplateById, RARITIES, type AchievementFact, type Rarity } from '@necp/shared';
import type { Tx } from '../core/deps';
import type { OutboxEvent } from '../outbox/events';

export const ACHIEVEMENT_EVENT_TYPES = [
  'npc.killed',
  'character.leveled',
  'quest.completed',
  'item.picked_up',
  'guild.member_joined',
  'party.joined',
  'friend.added',
  'dungeon.cleared',
  'raid.cleared',
  'arena.match_finished',
] as const;
export type AchievementEventType = (typeof ACHIEVEMENT_EVENT_TYPES)[number];

export interface CreditedFact {
  characterId: string;
  fact: AchievementFact;
}

const isRarity = (r: string): r is Rarity => (RARITIES as readonly string[]).includes(r);

/** The template's rarity: content first, the seeded table for one content no longer has. */
async function rarityOf(tx: Tx, templateId: string): Promise<Rarity | null> {
  const known = itemTemplateById(templateId)?.rarity;
  if (known) return known;
  const row = await tx.itemTemplate.findUnique({
    where: { id: templateId },
    select: { rarity: true },
  });
  return row && isRarity(row.rarity) ? row.rarity : null;
}

const each = (ids: readonly string[], fact: AchievementFact): CreditedFact[] =>
  [...new Set(ids)].map((characterId) => ({ characterId, fact }));

/** Who the event credits with what (one fact per character). */
export async function factsOf(
  tx: Tx,
  event: OutboxEvent<AchievementEventType>,
): Promise<CreditedFact[]> {
  switch (event.type) {
    case 'npc.killed': {
      const p = event.payload;
      return each(
        p.killers.map((k) => k.characterId),
        { kind: 'kill', npcTemplateId: p.npcTemplateId, rank: p.rank },
      );
    }
    case 'character.leveled':
      return each([event.payload.characterId], { kind: 'level', level: event.payload.level });
    case 'quest.completed':
      return each([event.payload.characterId], {
        kind: 'quest_completed',
        questId: event.payload.questId,
      });
    case 'item.picked_up': {
      const p = event.payload;
      const rarity = await rarityOf(tx, p.templateId);
      if (!rarity) return [];
      return each([p.characterId], {
        kind: 'item_acquired',
        templateId: p.templateId,
        rarity,
        quantity: p.quantity,
      });
    }
    case 'guild.member_joined':
      return each([event.payload.characterId], { kind: 'guild_joined' });
    case 'party.joined':
      return each([event.payload.characterId], { kind: 'party_joined' });
    case 'friend.added':
      return event.payload.characters.map((c) => ({
        characterId: c.characterId,
        fact: { kind: 'friends', count: c.friends },
      }));
    case 'dungeon.cleared':
      return each(event.payload.characterIds, {
        kind: 'dungeon_cleared',
        dungeonId: event.payload.dungeonId,
      });
    case 'raid.cleared':
      return each(event.payload.characterIds, {
        kind: 'raid_cleared',
        raidId: event.payload.raidId,
      });
    case 'arena.match_finished':
      // only wins that counted (an unfought forfeit or a fourth repeat is no win to boast of)
      return each(
        event.payload.winners.filter((id) => (event.payload.weights?.[id] ?? 1) > 0),
        { kind: 'arena_won', bracket: event.payload.bracket },
      );
  }
}
