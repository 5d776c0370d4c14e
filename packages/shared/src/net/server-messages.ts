/**
 * Messages the sim pushes to one player unasked: stats, XP, quest and reputation
 * changes, areas entered, and the kick that ends a session.
 */

/**
 * quest:update — a quest of yours changed outside a request you made (an outbox
 * event advanced it: a kill, a pickup, a place reached, an item used; or it failed).
 * The client toasts it and refetches the quest log.
 */
export interface QuestUpdateMsg {
  questId: string;
  title: string;
  kind: 'progress' | 'ready' | 'failed';
  objective?: { id: string; label: string; progress: number; target: number };
  /** failed: why ('timer', 'npc_killed', …) */
  reason?: string;
}

/** reputation:changed — standings moved outside a request you made (kills). */
export interface ReputationChangedMsg {
  changes: {
    factionId: string;
    factionName: string;
    delta: number;
    standing: number;
    tier: string;
    tierChanged: boolean;
  }[];
  /** what caused it: "Tyger Claws Punk killed" */
  source: string;
}

/** zone:area — you entered a named area of the zone (shown as a banner). */
export interface AreaEnteredMsg {
  areaId: string;
  name: string;
}

/**
 * char:stats — the character's derived numbers, sent at connect, after pickups and
 * drops, and whenever the database says gear, weight or attributes changed (the
 * `character.stats_changed` domain event: equip, vendor, bank … through the API;
 * the client never asks for it). `speed` (m/s) is what the server moves you
 * with: predict with it. weight/carryWeight in kg (over carryWeight slows you).
 */
export interface CharStatsMsg {
  speed: number;
  maxHealth: number;
  health: number;
  level: number;
  weight: number;
  carryWeight: number;
  /** the main hand's item template (null: fists): the own figure draws it */
  weapon?: string | null;
}

/**
 * `signed_out`: every session of the account was revoked (sign out everywhere, password change).
 * `zone_moved`: this sim process no longer owns the character's zone; the client fetches
 * a new ticket (it names the new owner's URL) and reconnects there by itself.
 */
export const KICK_REASONS = [
  'takeover',
  'bad_payloads',
  'server_shutdown',
  'banned',
  'signed_out',
  'zone_moved',
] as const;
export type KickReason = (typeof KICK_REASONS)[number];

/**
 * progress:xp — XP gained (kills now, quests later). A level-up also brings a
 * char:stats with the new maxHealth.
 */
export interface XpGainMsg {
  xpGained: number;
  /** total XP now */
  xp: number;
  level: number;
  levelsGained: number;
  /** what earned it, e.g. the NPC's name */
  source: string;
}

export interface KickMsg {
  reason: KickReason;
  message: string;
}
