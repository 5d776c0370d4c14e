/** Tunables of NPC AI. Metres, m/s and clock ms. */

/** Walking its spawn area. */
export const NPC_PATROL_SPEED = 2.5;
/** Chasing a target (a little slower than a player, who can run away). */
export const NPC_CHASE_SPEED = 4.5;
/** Leashing home or fleeing. */
export const NPC_RUN_SPEED = 6;

/** An idle patrolling NPC picks its next point after a pause in this range. */
export const PATROL_PAUSE_MIN_MS = 3000;
export const PATROL_PAUSE_MAX_MS = 8000;
/** A patrol leg that has not arrived by then (walked into a wall) is given up. */
export const PATROL_LEG_MAX_MS = 15_000;

/** Threat a hostile NPC puts on the player it aggroes on (or an assisting neighbour joins on). */
export const INITIAL_AGGRO_THREAT = 1;
/** Healing an NPC's enemy earns this fraction of the heal as threat. */
export const HEAL_THREAT_FACTOR = 0.5;

/** Idle NPCs of the same faction this close to one that aggroes join its fight. */
export const ASSIST_RADIUS_M = 6;

/** Chasing stops this much short of the ability range (at most), so the engine's check passes. */
export const CHASE_MARGIN_M = 0.5;
/** A chase that has not reached the target by then is given up (the target is dropped). */
export const CHASE_GIVE_UP_MS = 12_000;

/** How long a flight lasts before the NPC turns back to fight. */
export const FLEE_MS = 4000;

/** Close enough to a point to count as there. */
export const ARRIVE_M = 0.5;
/** A leash that has not reached home by then (stuck on a building) puts the NPC home at once. */
export const LEASH_MAX_MS = 20_000;

/** Each special off cooldown is used instead of a due auto-attack with this chance. */
export const SPECIAL_CHANCE = 0.4;
