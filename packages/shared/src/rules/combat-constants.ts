/** Numbers the sim's combat loop and the client's combat UI agree on. */

/** Abilities with `gcd: true` lock every other gcd ability for this long. */
export const GCD_MS = 1000;
/** Every class has one resource pool (Solo/Techie/Medtech: stamina, Netrunner: RAM). */
export const RESOURCE_MAX = 100;
/** Resource regained per second, in and out of combat. */
export const RESOURCE_REGEN_PER_S = 8;
/** Out of combat (no damage dealt or taken for this long) health regenerates. */
export const OUT_OF_COMBAT_MS = 6000;
/** Fraction of max health regained per second out of combat. */
export const HEALTH_REGEN_PCT_PER_S = 0.02;
/** A dead player may respawn after this long (the death screen counts it down)… */
export const RESPAWN_DELAY_MS = 5000;
/** …and is respawned automatically after this long. */
export const AUTO_RESPAWN_MS = 60_000;
/** Fraction of max health a player respawns with. */
export const RESPAWN_HEALTH_PCT = 0.5;
/** Each equipped item loses this fraction of its max durability on death. */
export const DEATH_DURABILITY_PENALTY = 0.1;
/** Lag compensation: the server rewinds targets at most this far into the past. */
export const MAX_REWIND_MS = 300;
/** Extra reach granted on range checks (positions are quantised, clients interpolate). */
export const RANGE_TOLERANCE_M = 0.5;
/** A player's share of an NPC's damage taken needed to earn kill XP. */
export const KILL_CREDIT_MIN_SHARE = 0.1;
/** How long an NPC corpse stays in view (death animation) before it is removed. */
export const NPC_CORPSE_MS = 3000;
