/**
 * Inputs and views of the quest procedures (tRPC). The domain services parse the
 * inputs too. Views are what the browser renders: everything a window needs,
 * computed on the server.
 */
import { z } from 'zod';
import {
  CLIENT_REPORTED_ACTIONS,
  type QuestObjectiveKind,
  type QuestRepeat,
  type QuestStatus,
  type ReputationDelta,
} from '../content/quest-schema';
import { CharacterIdInputSchema } from './character';
import { ContentIdSchema } from './primitives';
import type { ReputationChangeView } from './reputation';

const ContentId = ContentIdSchema;
const QuestId = z
  .string()
  .min(1, 'Missing quest')
  .max(64, { error: 'Invalid quest', abort: true })
  .regex(/^q_[a-z0-9_]+$/, 'Invalid quest');

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
