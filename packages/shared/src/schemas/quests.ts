/**
 * Inputs and views of the quest, dialogue, reputation, vendor and daily procedures
 * (tRPC). The domain services parse the inputs too. Views are what the browser
 * renders: everything a window needs, computed on the server.
 */
import { z } from 'zod';
import {
  CLIENT_REPORTED_ACTIONS,
  type QuestObjectiveKind,
  type QuestRepeat,
  type QuestStatus,
  type ReputationDelta,
} from '../content/quest-schema';
import type { ReputationTier } from '../rules/reputation';
import type { SkillCheckResult } from '../rules/skill-check';
import { CharacterIdInputSchema } from './character';
import { ContentIdSchema, IdSchema } from './primitives';

const ContentId = ContentIdSchema;
const QuestId = z
  .string()
  .min(1, 'Missing quest')
  .max(64, { error: 'Invalid quest', abort: true })
  .regex(/^q_[a-z0-9_]+$/, 'Invalid quest');

// ── quests ──────────────────────────────────────────────────────────────────

export const QuestLogInputSchema = CharacterIdInputSchema;
export type QuestLogInput = z.infer<typeof QuestLogInputSchema>;

/** At the giver (within INTERACT_RANGE of `contactId`). */
export const AcceptQuestInputSchema = CharacterIdInputSchema.extend({
  questId: QuestId,
  contactId: ContentId,
});
export type AcceptQuestInput = z.infer<typeof AcceptQuestInputSchema>;

/** Anywhere: gives up an active or ready quest. */
export const AbandonQuestInputSchema = CharacterIdInputSchema.extend({ questId: QuestId });
export type AbandonQuestInput = z.infer<typeof AbandonQuestInputSchema>;

/**
 * Something only the client sees the player do (CLIENT_REPORTED_ACTIONS: going solo
 * at the welcome quest's party step). Counts only for an `action` objective of a
 * quest given at creation, once.
 */
export const ReportQuestActionInputSchema = CharacterIdInputSchema.extend({
  action: z.enum(CLIENT_REPORTED_ACTIONS, { error: 'Invalid action' }),
});
export type ReportQuestActionInput = z.infer<typeof ReportQuestActionInputSchema>;

/** At the turn-in contact; `choice` is the picked reward's templateId when the quest offers a choice. */
export const TurnInQuestInputSchema = CharacterIdInputSchema.extend({
  questId: QuestId,
  contactId: ContentId,
  choice: ContentId.optional(),
});
export type TurnInQuestInput = z.infer<typeof TurnInQuestInputSchema>;

export interface ObjectiveView {
  id: string;
  kind: QuestObjectiveKind;
  label: string;
  progress: number;
  target: number;
  done: boolean;
  /** waiting for other objectives (`requires`) */
  locked: boolean;
  /** reach/use objectives with a place: where to go (for the map and tracker) */
  where?: { zoneId: string; x: number; y: number; radius: number; name: string };
}

export interface RewardItemView {
  templateId: string;
  name: string;
  rarity: string;
  quantity: number;
}

export interface QuestRewardsView {
  xp: number;
  eddies: number;
  items: RewardItemView[];
  choice: RewardItemView[];
  reputation: (ReputationDelta & { factionName: string })[];
}

/** One quest as the character sees it now. */
export interface QuestView {
  id: string;
  title: string;
  summary: string;
  description: string;
  completion: string;
  zoneId: string;
  zoneName: string;
  level: number;
  repeat: QuestRepeat;
  status: QuestStatus;
  giver: { id: string; name: string };
  turnIn: { id: string; name: string; zoneId: string; x: number; y: number };
  objectives: ObjectiveView[];
  rewards: QuestRewardsView;
  chain?: { id: string; name: string; step: number };
  /** epoch ms; timed quests while active */
  deadline?: number;
  /** epoch ms: when a daily/weekly becomes available again */
  resetsAt?: number;
  failReason?: string;
  /** shown with the offer: "Fails if …", attribute hints */
  failureNote?: string;
  hint?: string;
}

/** The quest log (J) and what the map needs: markers per contact. */
export interface QuestLogView {
  /** active and ready, the ones the tracker shows first */
  active: QuestView[];
  /** failed ones the player has not retried or dismissed yet (the latest 10) */
  failed: QuestView[];
  completedCount: number;
  /** today's and this week's repeatables (any status) */
  repeatables: QuestView[];
  /** contact id → what its head shows on the map: '!' an offer, '?' a turn-in (wins over '!') */
  markers: Record<string, '!' | '?'>;
  /** epoch ms of the next daily and weekly reset */
  nextDailyReset: number;
  nextWeeklyReset: number;
}

export interface QuestChangeResult {
  quest: QuestView;
}

export interface TurnInResult {
  quest: QuestView;
  xpGained: number;
  /** total XP after the turn-in */
  xp: number;
  level: number;
  levelsGained: number;
  eddies: number;
  items: RewardItemView[];
  reputation: ReputationChangeView[];
}

// ── reputation ──────────────────────────────────────────────────────────────

export interface ReputationChangeView {
  factionId: string;
  factionName: string;
  delta: number;
  standing: number;
  tier: ReputationTier;
  /** the tier changed with this change */
  tierChanged: boolean;
}

export interface FactionStandingView {
  factionId: string;
  name: string;
  blurb: string;
  standing: number;
  tier: ReputationTier;
  /** standing into the tier, its width, and what is left to the next */
  into: number;
  span: number;
  toNext: number;
  /** vendor price factor at this tier (null: they refuse to trade) */
  priceMultiplier: number | null;
  rivals: { factionId: string; name: string }[];
  /** the character has any history with it (a row exists) */
  met: boolean;
}

export const ReputationListInputSchema = CharacterIdInputSchema;

// ── dialogue ────────────────────────────────────────────────────────────────

/** Opens (or restarts) the conversation with a contact within INTERACT_RANGE. */
export const DialogueOpenInputSchema = CharacterIdInputSchema.extend({ contactId: ContentId });
export type DialogueOpenInput = z.infer<typeof DialogueOpenInputSchema>;

/** Picks a choice of the node the server last showed (DialogueState). */
export const DialogueChooseInputSchema = CharacterIdInputSchema.extend({
  contactId: ContentId,
  choiceId: ContentId,
});
export type DialogueChooseInput = z.infer<typeof DialogueChooseInputSchema>;

export interface DialogueChoiceView {
  id: string;
  text: string;
  /** shown greyed out: why it cannot be picked */
  locked?: string;
  /** a skill check: what is rolled, against what, and the exact chance */
  check?: {
    attribute?: string;
    skill?: string;
    label: string;
    modifier: number;
    difficulty: number;
    chance: number;
    /** a one-roll check already rolled: its result sticks */
    rolled?: boolean;
  };
}

/** What happened on the way into this node (the window shows it as lines). */
export type DialogueOutcome =
  | { kind: 'check'; checkId: string; label: string; result: SkillCheckResult }
  | { kind: 'reputation'; change: ReputationChangeView }
  | { kind: 'quest_started'; questId: string; title: string }
  | { kind: 'quest_failed'; questId: string; title: string; reason: string }
  | { kind: 'objective'; questId: string; title: string; label: string }
  | { kind: 'item'; item: RewardItemView }
  | { kind: 'paid'; eddies: number }
  | { kind: 'flag'; key: string; value: string };

export interface DialogueView {
  contact: { id: string; name: string; title: string; factionId: string; vendor: boolean };
  node: { id: string; text: string; choices: DialogueChoiceView[] };
  /** the conversation is over (no choices): the window offers Goodbye */
  ended: boolean;
  outcomes: DialogueOutcome[];
  /** open the vendor window now (an `open_vendor` effect) */
  openVendor: boolean;
  /** the contact's quest offers and turn-ins, listed under the conversation */
  offers: QuestView[];
  turnIns: QuestView[];
}

// ── vendors ─────────────────────────────────────────────────────────────────

/** The vendor window of a contact within INTERACT_RANGE. */
export const VendorGetInputSchema = CharacterIdInputSchema.extend({ contactId: ContentId });
export type VendorGetInput = z.infer<typeof VendorGetInputSchema>;

export const VendorBuyInputSchema = CharacterIdInputSchema.extend({
  contactId: ContentId,
  templateId: ContentId,
  quantity: z
    .int('Quantity must be a whole number')
    .min(1, 'Quantity must be at least 1')
    .max(99, 'At most 99 at a time'),
  /** the unit price the player saw; a different current price refuses (CONFLICT) */
  expectedPrice: z.int().min(0).max(100_000_000).optional(),
});
export type VendorBuyInput = z.infer<typeof VendorBuyInputSchema>;

export const VendorSellInputSchema = CharacterIdInputSchema.extend({
  contactId: ContentId,
  itemId: IdSchema,
  /** default: the whole stack */
  quantity: z
    .int('Quantity must be a whole number')
    .min(1, 'Quantity must be at least 1')
    .max(9999)
    .optional(),
});
export type VendorSellInput = z.infer<typeof VendorSellInputSchema>;

export const VendorBuybackInputSchema = CharacterIdInputSchema.extend({
  contactId: ContentId,
  itemId: IdSchema,
});
export type VendorBuybackInput = z.infer<typeof VendorBuybackInputSchema>;

export interface VendorStockView {
  templateId: string;
  name: string;
  rarity: string;
  kind: string;
  levelReq: number;
  /** per unit, after the standing multiplier */
  price: number;
  /** limited entries: units left today (all players together); null: unlimited */
  left: number | null;
  dailyLimit: number | null;
}

export interface BuybackView {
  itemId: string;
  templateId: string;
  name: string;
  rarity: string;
  quantity: number;
  price: number;
  soldAt: number;
}

export interface VendorView {
  vendor: { id: string; name: string; contactId: string; contactName: string };
  faction: { id: string; name: string; tier: ReputationTier; multiplier: number };
  stock: VendorStockView[];
  buyback: BuybackView[];
  /** bag item id → what this vendor pays for it now (absent: it does not buy that) */
  sellPrices: Record<string, number>;
  eddies: number;
  /** epoch ms when limited stock restocks */
  restocksAt: number;
}

export interface VendorTradeResult {
  view: VendorView;
  /** eddies spent (negative) or received (positive) */
  eddiesDelta: number;
}

// ── daily ───────────────────────────────────────────────────────────────────

export const DailyStatusInputSchema = CharacterIdInputSchema;
export const DailyClaimInputSchema = CharacterIdInputSchema;

export interface LoginRewardView {
  eddies: number;
  item?: RewardItemView;
}

export interface DailyStatusView {
  /** today's reward is still to be claimed (by any character of the account) */
  canClaim: boolean;
  /** the streak counting today if claimed now (or as claimed today) */
  streak: number;
  /** the 7-day cycle with the day the next/today's claim lands on */
  cycle: LoginRewardView[];
  cycleDay: number;
  /** epoch ms */
  nextDailyReset: number;
  nextWeeklyReset: number;
}

export interface DailyClaimResult {
  status: DailyStatusView;
  reward: LoginRewardView;
  streak: number;
}
