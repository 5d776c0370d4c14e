/** Timings of instances and the arena (docs/instances.md). */

/** An instance nobody entered (or everyone left) closes after this long. */
export const INSTANCE_EMPTY_CLOSE_MS = 60_000;
/** Players who have not arrived by then forfeit: the arena starts (or ends) without them. */
export const INSTANCE_ARRIVAL_MS = 30_000;
/** The arena's gates open this long after everyone arrived (no ability lands before). */
export const ARENA_COUNTDOWN_MS = 5_000;
/** A match that nobody won by then ends on the timer (the team with more health left wins). */
export const ARENA_MATCH_MS = 180_000;
/** The result stays on screen this long before everyone is sent back. */
export const ARENA_RETURN_MS = 8_000;
/** A cleared dungeon or raid stays open this long (to loot the boss), then everyone is sent back. */
export const DUNGEON_CLOSE_AFTER_CLEAR_MS = 120_000;
/**
 * A dungeon's or raid's NPCs respawn only after this long (its templates' own
 * respawn is overridden): longer than any instance lives, so a cleared room stays cleared.
 */
export const DUNGEON_NPC_RESPAWN_SECONDS = 86_400;
/** How often players in an arena get its scoreboard. */
export const ARENA_STATE_MS = 500;
/**
 * A raid's entry token (quantum_sync_token, docs/instances.md) lives this long: the
 * client fetches one right before it connects, so a copied one is soon worthless.
 */
export const QUANTUM_SYNC_TOKEN_TTL_SECONDS = 60;
/** The token as the sim's handshake accepts it (a compact JWS). */
export const QUANTUM_SYNC_TOKEN_MAX_LENGTH = 1024;

/** A group smaller than its dungeon or raid is made for fights NPCs this share of their health at least. */
export const GROUP_SCALE_MIN = 0.4;

/**
 * The share of their template's health an instance's NPCs have for a group of
 * `members` in content made for `fullSize` (a premade party of two in a five-player
 * dungeon: 0.4). Fixed when the instance opens; a backfilled member changes nothing.
 */
export function groupHealthScale(members: number, fullSize: number): number {
  if (!(fullSize > 0) || members >= fullSize) return 1;
  return Math.max(GROUP_SCALE_MIN, Math.max(0, members) / fullSize);
}
