/**
 * Domain events as guild renown (shared GUILD_RENOWN_POINTS): which members an event
 * credits and with how much. A quest credits its runner; a dungeon or raid clear every
 * character inside; an arena match its winners as much as their win counted (a draw
 * nobody; matchmaking/arena-result-weights.ts); earned achievements
 * their points. Pure: the guild each member is in is read when the event is handled.
 */
import { GUILD_RENOWN_POINTS, achievementRenown, type RenownSource } from '@necp/shared';
import type { OutboxEvent } from '../outbox/events';

export const RENOWN_EVENT_TYPES = [
  'quest.completed',
  'dungeon.cleared',
  'raid.cleared',
  'arena.match_finished',
  'achievement.earned',
] as const;
export type RenownEventType = (typeof RENOWN_EVENT_TYPES)[number];

export interface RenownCredit {
  characterId: string;
  source: RenownSource;
  points: number;
}

const each = (ids: readonly string[], source: RenownSource, points: number): RenownCredit[] =>
  points > 0 ? [...new Set(ids)].map((characterId) => ({ characterId, source, points })) : [];

/** Who the event credits with what (at most one credit per character). */
export function renownCreditsOf(event: OutboxEvent<RenownEventType>): RenownCredit[] {
  switch (event.type) {
    case 'quest.completed':
      return each(
        [event.payload.characterId],
        'quest_completed',
        GUILD_RENOWN_POINTS.quest_completed,
      );
    case 'dungeon.cleared':
      return each(
        event.payload.characterIds,
        'dungeon_cleared',
        GUILD_RENOWN_POINTS.dungeon_cleared,
      );
    case 'raid.cleared':
      return each(event.payload.characterIds, 'raid_cleared', GUILD_RENOWN_POINTS.raid_cleared);
    case 'arena.match_finished': {
      // a win earns its weight's share (an unfought forfeit, a repeat: little or nothing)
      const { winners, weights } = event.payload;
      return winners.flatMap((characterId) =>
        each(
          [characterId],
          'arena_won',
          Math.floor(GUILD_RENOWN_POINTS.arena_won * (weights?.[characterId] ?? 1)),
        ),
      );
    }
    case 'achievement.earned':
      return each(
        [event.payload.characterId],
        'achievement_point',
        achievementRenown(event.payload.achievementIds),
      );
  }
}
