/**
 * Dialogue content types. Data: dialogues.ts. One tree per contact: nodes are
 * what the contact says, choices are what the player may answer. The server
 * keeps where each character stands in a conversation (DialogueState), so a
 * client can only pick a choice of the node it was shown, and only when the
 * choice's conditions hold.
 *
 * - A conversation opens at the first `entries` item whose conditions hold.
 * - A choice either moves to `next` (a node id, or 'end'), or rolls a skill
 *   check (d20 + attribute/skill modifier vs `difficulty`, rules/skill-check.ts)
 *   and moves to `success` or `failure`. Without `retry`, a check is rolled once
 *   per character: choosing it again shows the same result.
 * - Entering a node applies its `effects`. Rewarding ones (reputation, give_item,
 *   pay) apply once per character per node; set_flag, start_quest, fail_quest
 *   and complete_objective are idempotent anyway.
 */
import { z } from 'zod';
import { ATTRIBUTE_KEYS } from './attributes';
import { CLASS_IDS } from './classes';
import {
  FlagKeySchema,
  FlagValueSchema,
  QUEST_STATUSES,
  QuestIdSchema,
  ReputationDeltaSchema,
} from './quest-schema';
import { REPUTATION_TIERS } from '../rules/reputation';

const Id = z.string().regex(/^[a-z0-9_]+$/);
/** Dialogue node ids: unique within their tree. */
export const NodeIdSchema = Id;
export const DIALOGUE_END = 'end';

export const DialogueConditionSchema = z.discriminatedUnion('kind', [
  /** the quest's status for this character is one of `in` ('available' etc. are computed) */
  z.object({
    kind: z.literal('quest'),
    questId: QuestIdSchema,
    in: z.array(z.enum(QUEST_STATUSES)).min(1),
  }),
  z.object({
    kind: z.literal('flag'),
    key: FlagKeySchema,
    value: FlagValueSchema.optional(),
    absent: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('standing'),
    factionId: Id,
    atLeast: z.enum(REPUTATION_TIERS).optional(),
    below: z.enum(REPUTATION_TIERS).optional(),
  }),
  /** the character's current (gear-free) attribute */
  z.object({
    kind: z.literal('attribute'),
    attribute: z.enum(ATTRIBUTE_KEYS),
    atLeast: z.int().min(1).max(20),
  }),
  z.object({ kind: z.literal('level'), atLeast: z.int().min(1).max(50) }),
  z.object({ kind: z.literal('class'), classes: z.array(z.enum(CLASS_IDS)).min(1) }),
  /** a skill check (by id) was rolled and passed / failed */
  z.object({ kind: z.literal('check'), checkId: Id, passed: z.boolean() }),
]);
export type DialogueCondition = z.infer<typeof DialogueConditionSchema>;

export const DialogueEffectSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('set_flag'),
    key: FlagKeySchema,
    value: FlagValueSchema.default('true'),
  }),
  /** accepts the quest (if its prerequisites hold and it is not already active) */
  z.object({ kind: z.literal('start_quest'), questId: QuestIdSchema }),
  /** the wrong choice: an active/ready quest fails */
  z.object({ kind: z.literal('fail_quest'), questId: QuestIdSchema, reason: z.string().min(3) }),
  /** marks one objective of an active quest done (a story beat only this dialogue knows) */
  z.object({ kind: z.literal('complete_objective'), questId: QuestIdSchema, objectiveId: Id }),
  z.object({ kind: z.literal('reputation'), ...ReputationDeltaSchema.shape }),
  /** the contact hands something over (ledger source `quest`); a full bag refuses the choice */
  z.object({ kind: z.literal('give_item'), templateId: Id, quantity: z.int().min(1).max(99) }),
  /** the player pays (a bribe, a fee: ledger sink `quest`); not enough eddies refuses the choice */
  z.object({ kind: z.literal('pay'), eddies: z.int().min(1).max(1_000_000) }),
  /** the client opens the contact's vendor window */
  z.object({ kind: z.literal('open_vendor') }),
]);
export type DialogueEffect = z.infer<typeof DialogueEffectSchema>;

export const SkillCheckSpecSchema = z
  .object({
    /** unique across all dialogues: skill_check objectives and `check` conditions name it */
    id: Id,
    /** d20 + attributeModifier(attribute) … */
    attribute: z.enum(ATTRIBUTE_KEYS).optional(),
    /** … or + the skill's level / 2 (rounded down) */
    skill: Id.optional(),
    /** DC; rules/skill-check.ts SKILL_CHECK_DC names the usual ones */
    difficulty: z.int().min(2).max(30),
    success: NodeIdSchema,
    failure: NodeIdSchema,
    /** may be rolled again (a new roll each time); default: one roll, the result sticks */
    retry: z.boolean().default(false),
  })
  .refine((c) => (c.attribute === undefined) !== (c.skill === undefined), {
    message: 'a skill check uses exactly one of attribute or skill',
  });
export type SkillCheckSpec = z.infer<typeof SkillCheckSpecSchema>;

export const DialogueChoiceSchema = z
  .object({
    /** unique within its node */
    id: Id,
    text: z.string().min(1),
    conditions: z.array(DialogueConditionSchema).default([]),
    /** shown greyed out (with why) when its conditions fail; default: hidden */
    showLocked: z.boolean().default(false),
    check: SkillCheckSpecSchema.optional(),
    /** where it leads without a check: a node id or 'end' */
    next: NodeIdSchema.optional(),
  })
  .refine((c) => (c.check === undefined) !== (c.next === undefined), {
    message: 'a choice has either a check or a next node',
  });
export type DialogueChoice = z.infer<typeof DialogueChoiceSchema>;

export const DialogueNodeSchema = z.object({
  id: NodeIdSchema,
  /** what the contact says */
  text: z.string().min(1),
  effects: z.array(DialogueEffectSchema).default([]),
  /** none: the conversation ends after this line (the window offers "Goodbye") */
  choices: z.array(DialogueChoiceSchema).default([]),
});
export type DialogueNode = z.infer<typeof DialogueNodeSchema>;

export const DialogueSchema = z.object({
  id: Id,
  contactId: Id,
  /** greetings: the first whose conditions hold opens the conversation (the last should have none) */
  entries: z
    .array(
      z.object({ node: NodeIdSchema, conditions: z.array(DialogueConditionSchema).default([]) }),
    )
    .min(1),
  nodes: z.array(DialogueNodeSchema).min(1),
});
export type Dialogue = z.infer<typeof DialogueSchema>;
export type DialogueInput = z.input<typeof DialogueSchema>;
