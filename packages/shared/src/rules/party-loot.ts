/**
 * How a party's drops are shared (docs/social.md, "Loot modes"): pure rules the
 * domain applies when a kill's loot falls, and the need/greed decision.
 */
import { z } from 'zod';
import { RARITIES, type Rarity } from '../content/item-schema';
import { LOOT_MODES, type LootMode } from '../chat/chat-rules';
import { IdSchema } from '../schemas/primitives';

/** A need/greed roll stays open this long; unanswered is a pass. */
export const LOOT_ROLL_MS = 60_000;
export const LOOT_CHOICES = ['need', 'greed', 'pass'] as const;
export type LootChoice = (typeof LOOT_CHOICES)[number];
/** need/greed and leader modes apply to this rarity and better unless the leader changes it */
export const DEFAULT_LOOT_THRESHOLD: Rarity = 'uncommon';

export const LOOT_MODE_LABEL: Record<LootMode, string> = {
  free_for_all: 'free for all',
  round_robin: 'round robin',
  need_greed: 'need / greed',
  leader: 'leader gives',
};

export const rarityAtLeast = (r: Rarity, threshold: Rarity) =>
  RARITIES.indexOf(r) >= RARITIES.indexOf(threshold);

/** Who may take one drop of a party kill. */
export interface LootRights {
  /** alone before freeAt (null: nobody alone) */
  owner: string | null;
  /** every member of the party may take it before freeAt */
  shared: boolean;
  /** need/greed: held until the party's roll decides */
  roll: boolean;
}

/**
 * One drop's rights: `owner` is the kill's loot owner (the top damage dealer, or
 * whose turn it is in round robin).
 */
export function lootRights(
  mode: LootMode,
  rarity: Rarity,
  threshold: Rarity,
  o: { owner: string; leaderId: string },
): LootRights {
  const high = rarityAtLeast(rarity, threshold);
  switch (mode) {
    case 'round_robin':
      return { owner: o.owner, shared: false, roll: false };
    case 'need_greed':
      return high
        ? { owner: null, shared: true, roll: true }
        : { owner: o.owner, shared: true, roll: false };
    case 'leader':
      return high
        ? { owner: o.leaderId, shared: false, roll: false }
        : { owner: o.owner, shared: true, roll: false };
    case 'free_for_all':
      return { owner: o.owner, shared: true, roll: false };
  }
}

export interface RollEntry {
  characterId: string;
  choice: LootChoice | null;
  /** 1–100 (need and greed only) */
  roll: number | null;
}

/** The highest need wins, else the highest greed; ties go to the lower id; all pass: nobody. */
export function rollWinner(entries: readonly RollEntry[]): string | null {
  for (const want of ['need', 'greed'] as const) {
    const best = entries
      .filter((e) => e.choice === want && e.roll !== null)
      .sort((a, b) => b.roll! - a.roll! || a.characterId.localeCompare(b.characterId))[0];
    if (best) return best.characterId;
  }
  return null;
}

/** party:loot_mode — the leader sets how drops are shared. */
export const PartyLootModeSchema = z.object({
  mode: z.enum(LOOT_MODES),
  threshold: z.enum(RARITIES).optional(),
});
/** loot:roll — a member answers a need/greed roll. */
export const LootRollChoiceSchema = z.object({
  dropId: IdSchema,
  choice: z.enum(LOOT_CHOICES),
});
/** loot:assign — the leader gives a drop it holds to a member. */
export const LootAssignSchema = z.object({
  dropId: IdSchema,
  memberId: IdSchema,
});
// The domain's inputs (setPartyLootMode, chooseLootRoll, assignLoot): the payload and
// the acting character, which the sim takes from the session.
export const PartyLootModeInputSchema = PartyLootModeSchema.extend({ characterId: IdSchema });
export const LootRollInputSchema = LootRollChoiceSchema.extend({ characterId: IdSchema });
export const LootAssignInputSchema = LootAssignSchema.extend({ characterId: IdSchema });

/** loot:roll_start — a drop the party rolls for (to the party's room). */
export const LootRollStartMsgSchema = z.object({
  dropId: z.string(),
  templateId: z.string(),
  name: z.string(),
  rarity: z.enum(RARITIES),
  quantity: z.number(),
  expiresAt: z.number(),
});
export type LootRollStartMsg = z.infer<typeof LootRollStartMsgSchema>;
/** loot:roll_result — who rolled what, and who won (null: everyone passed; free for all). */
export const LootRollResultMsgSchema = z.object({
  dropId: z.string(),
  name: z.string(),
  winnerId: z.string().nullable(),
  winner: z.string().nullable(),
  rolls: z.array(
    z.object({
      characterId: z.string(),
      name: z.string(),
      choice: z.enum(LOOT_CHOICES).nullable(),
      roll: z.number().nullable(),
    }),
  ),
});
export type LootRollResultMsg = z.infer<typeof LootRollResultMsgSchema>;
/** loot:assign_start — to the leader: a drop to give to a member (leader mode). */
export const LootAssignStartMsgSchema = z.object({
  dropId: z.string(),
  name: z.string(),
  rarity: z.enum(RARITIES),
});
export type LootAssignStartMsg = z.infer<typeof LootAssignStartMsgSchema>;
/** loot:given — the leader gave you a drop: it is yours to pick up. */
export const LootGivenMsgSchema = z.object({
  dropId: z.string(),
  name: z.string(),
  from: z.string(),
});
export type LootGivenMsg = z.infer<typeof LootGivenMsgSchema>;
