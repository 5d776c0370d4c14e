/** Inputs and views of the dialogue procedures (tRPC). */
import type { z } from 'zod';
import type { SkillCheckResult } from '../rules/skill-check';
import { CharacterIdInputSchema } from './character';
import { ContentIdSchema } from './primitives';
import type { QuestView, RewardItemView } from './quests';
import type { ReputationChangeView } from './reputation';

const ContentId = ContentIdSchema;

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
