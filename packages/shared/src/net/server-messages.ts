/**
 * Messages the sim pushes to one player unasked: stats, XP, quest and reputation
 * changes, areas entered, and the kick that ends a session. Each is a Zod schema (the
 * client parses every push: server-events.ts) and its type is inferred from it.
 */
import { z } from 'zod';

/**
 * quest:update — a quest of yours changed outside a request you made (an outbox
 * event advanced it: a kill, a pickup, a place reached, an item used; or it failed).
 * The client toasts it and refetches the quest log.
 */
export const QuestUpdateMsgSchema = z.object({
  questId: z.string(),
  title: z.string(),
  kind: z.enum(['progress', 'ready', 'failed']),
  objective: z
    .object({ id: z.string(), label: z.string(), progress: z.number(), target: z.number() })
    .optional(),
  /** failed: why ('timer', 'npc_killed', …) */
  reason: z.string().optional(),
});
export type QuestUpdateMsg = z.infer<typeof QuestUpdateMsgSchema>;

/** reputation:changed — standings moved outside a request you made (kills). */
export const ReputationChangedMsgSchema = z.object({
  changes: z.array(
    z.object({
      factionId: z.string(),
      factionName: z.string(),
      delta: z.number(),
      standing: z.number(),
      tier: z.string(),
      tierChanged: z.boolean(),
    }),
  ),
  /** what caused it: "Tyger Claws Punk killed" */
  source: z.string(),
});
export type ReputationChangedMsg = z.infer<typeof ReputationChangedMsgSchema>;

/** zone:area — you entered a named area of the zone (shown as a banner). */
export const AreaEnteredMsgSchema = z.object({ areaId: z.string(), name: z.string() });
export type AreaEnteredMsg = z.infer<typeof AreaEnteredMsgSchema>;

/**
 * char:stats — the character's derived numbers, sent at connect, after pickups and
 * drops, and whenever the database says gear, weight or attributes changed (the
 * `character.stats_changed` domain event: equip, vendor, bank … through the API;
 * the client never asks for it). `speed` (m/s) is what the server moves you
 * with: predict with it. weight/carryWeight in kg (over carryWeight slows you).
 */
export const CharStatsMsgSchema = z.object({
  speed: z.number(),
  maxHealth: z.number(),
  health: z.number(),
  level: z.number(),
  weight: z.number(),
  carryWeight: z.number(),
  /** the main hand's item template (null: fists): the own figure draws it */
  weapon: z.string().nullable().optional(),
});
export type CharStatsMsg = z.infer<typeof CharStatsMsgSchema>;

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
export const XpGainMsgSchema = z.object({
  xpGained: z.number(),
  /** total XP now */
  xp: z.number(),
  level: z.number(),
  levelsGained: z.number(),
  /** what earned it, e.g. the NPC's name */
  source: z.string(),
});
export type XpGainMsg = z.infer<typeof XpGainMsgSchema>;

export const KickMsgSchema = z.object({ reason: z.enum(KICK_REASONS), message: z.string() });
export type KickMsg = z.infer<typeof KickMsgSchema>;
