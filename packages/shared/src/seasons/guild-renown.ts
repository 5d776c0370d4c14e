/**
 * Guild renown (docs/seasons.md, "Neon Popularity Reset"): a guild's score for one
 * season, earned by its members' play during it and reset by the season's end. Pure
 * rules: what each activity is worth. The server (packages/game/src/renown) credits
 * it exactly once per event and member, to the guild the member is in when the event
 * is handled, in the season current then.
 */
import { achievementById } from '../content/achievements';

/**
 * Renown per activity, per member credited. Scaled to the effort: a quest is a few
 * minutes of play, a dungeon clear a group's half hour, a raid clear ten runners'
 * evening; an arena win is worth more than a quest (it takes an opponent) and less
 * than a dungeon. Achievements add their own points (5–50), once each, so a member's
 * milestones count without being farmable.
 */
export const GUILD_RENOWN_POINTS = {
  quest_completed: 10,
  dungeon_cleared: 25,
  raid_cleared: 75,
  arena_won: 15,
  /** per achievement point earned */
  achievement_point: 1,
} as const;

export type RenownSource = keyof typeof GUILD_RENOWN_POINTS;

/** The renown of some earned achievements: the sum of their points (unknown ids count 0). */
export const achievementRenown = (achievementIds: readonly string[]): number =>
  achievementIds.reduce(
    (sum, id) => sum + (achievementById(id)?.points ?? 0) * GUILD_RENOWN_POINTS.achievement_point,
    0,
  );
