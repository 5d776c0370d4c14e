/**
 * Quest content types. Data: quests.ts; checkContent cross-checks every reference
 * (contacts, NPC templates, items, zones and their areas, factions, dialogue skill
 * checks, flags that some dialogue sets, chains).
 *
 * A character's quest moves through
 *   available → active → ready (every objective done) → completed
 * and from active/ready to failed (timer, an NPC died, a wrong choice) or
 * abandoned (the player gave up). Failed and abandoned quests can be accepted
 * again unless `retryable` is false. Daily/weekly quests are available once per
 * UTC day / ISO week (rules/periods.ts).
 */
import { z } from 'zod';
import { ATTRIBUTE_KEYS } from './attributes';
import { CLASS_IDS } from './classes';
import { REPUTATION_TIERS } from '../rules/reputation';

const Id = z.string().regex(/^[a-z0-9_]+$/);
const ZoneId = z.string().regex(/^[a-z0-9-]+$/);
export const QuestIdSchema = z.string().regex(/^q_[a-z0-9_]+$/);
/** Flags are per character: `chain.docks.netrunner` = 'spared' */
export const FlagKeySchema = z
  .string()
  .regex(/^[a-z0-9_.]+$/)
  .max(64);
export const FlagValueSchema = z.string().min(1).max(64);

/** States stored per character (CharacterQuest.state). `available` is computed, never stored. */
export const QUEST_STATES = ['active', 'ready', 'completed', 'failed', 'abandoned'] as const;
export type QuestState = (typeof QUEST_STATES)[number];
/** What a quest is for one character right now, including the computed ones. */
export const QUEST_STATUSES = ['unavailable', 'available', ...QUEST_STATES] as const;
export type QuestStatus = (typeof QUEST_STATUSES)[number];

export const QUEST_REPEATS = ['none', 'daily', 'weekly'] as const;

/**
 * Things a player does that an `action` objective counts (the welcome quest teaches
 * them): `chat` — a message posted in any channel; `party` — a party invitation sent
 * or accepted, or, for a player alone, opening the party window.
 */
export const QUEST_ACTIONS = ['chat', 'party'] as const;
export type QuestAction = (typeof QUEST_ACTIONS)[number];
/**
 * Actions the client may report itself (opening a window is only visible to it). Only
 * quests given at creation may count them (checkContent): they reward once, a little.
 */
export const CLIENT_REPORTED_ACTIONS = ['party'] as const satisfies readonly QuestAction[];
export type ClientReportedAction = (typeof CLIENT_REPORTED_ACTIONS)[number];
export type QuestRepeat = (typeof QUEST_REPEATS)[number];

const ObjectiveBase = z.object({
  /** unique within the quest; progress is stored by it */
  id: Id,
  /** what the tracker shows: "Tyger Claws punks dealt with" */
  label: z.string().min(3),
  /** objective ids that must be complete before this one can advance */
  requires: z.array(Id).default([]),
});

export const QuestObjectiveSchema = z.discriminatedUnion('kind', [
  /** kills credited to the character (npc.killed `killers`) of any of these templates */
  ObjectiveBase.extend({
    kind: z.literal('kill'),
    npcTemplateIds: z.array(Id).min(1),
    count: z.int().min(1).max(100),
  }),
  /**
   * items picked up (item.picked_up) while the quest is active; at turn-in the bag
   * must hold `count` and, when `consume`, they are taken (ledger sink `quest`)
   */
  ObjectiveBase.extend({
    kind: z.literal('collect'),
    itemTemplateId: Id,
    count: z.int().min(1).max(100),
    consume: z.boolean().default(true),
  }),
  /** talking to this contact (opening its dialogue) while the quest is active */
  ObjectiveBase.extend({ kind: z.literal('talk'), contactId: Id }),
  /** entering a named area of a zone (area.entered, published by the sim) */
  ObjectiveBase.extend({ kind: z.literal('reach'), zoneId: ZoneId, areaId: Id }),
  /** using an item (item.used), optionally only inside an area */
  ObjectiveBase.extend({
    kind: z.literal('use'),
    itemTemplateId: Id,
    count: z.int().min(1).max(20).default(1),
    zoneId: ZoneId.optional(),
    areaId: Id.optional(),
  }),
  /** passing the dialogue skill check with this id */
  ObjectiveBase.extend({ kind: z.literal('skill_check'), checkId: Id }),
  /** a decision made in dialogue: done once the flag is set (to any value) */
  ObjectiveBase.extend({ kind: z.literal('choice'), flag: FlagKeySchema }),
  /** doing something the game teaches (QUEST_ACTIONS): chatting, inviting to a party */
  ObjectiveBase.extend({ kind: z.literal('action'), action: z.enum(QUEST_ACTIONS) }),
]);
export type QuestObjective = z.infer<typeof QuestObjectiveSchema>;
export type QuestObjectiveKind = QuestObjective['kind'];

/** Objectives whose progress counts up to `count`; the others are done (1) or not (0). */
export const objectiveTarget = (o: QuestObjective): number =>
  o.kind === 'kill' || o.kind === 'collect' || o.kind === 'use' ? o.count : 1;

export const StandingRequirementSchema = z.object({
  factionId: Id,
  /** at least this tier */
  atLeast: z.enum(REPUTATION_TIERS).optional(),
  /** strictly below this tier */
  below: z.enum(REPUTATION_TIERS).optional(),
});
export type StandingRequirement = z.infer<typeof StandingRequirementSchema>;

export const FlagRequirementSchema = z.object({
  key: FlagKeySchema,
  /** equals this value; absent: set to anything */
  value: FlagValueSchema.optional(),
  /** true: the flag must NOT be set (value ignored) */
  absent: z.boolean().default(false),
});
export type FlagRequirement = z.infer<typeof FlagRequirementSchema>;

export const QuestPrerequisitesSchema = z.object({
  level: z.int().min(1).max(50).default(1),
  /** every one completed */
  quests: z.array(QuestIdSchema).default([]),
  /** none of these completed (the other side of a branch) */
  notQuests: z.array(QuestIdSchema).default([]),
  standing: z.array(StandingRequirementSchema).default([]),
  flags: z.array(FlagRequirementSchema).default([]),
  classes: z.array(z.enum(CLASS_IDS)).optional(),
});
export type QuestPrerequisites = z.infer<typeof QuestPrerequisitesSchema>;

export const ItemRewardSchema = z.object({ templateId: Id, quantity: z.int().min(1).max(999) });
export type ItemReward = z.infer<typeof ItemRewardSchema>;

export const ReputationDeltaSchema = z.object({
  factionId: Id,
  delta: z.int().min(-10_000).max(10_000),
});
export type ReputationDelta = z.infer<typeof ReputationDeltaSchema>;

export const QuestRewardsSchema = z.object({
  xp: z.int().min(0),
  eddies: z.int().min(0),
  /** always given */
  items: z.array(ItemRewardSchema).default([]),
  /** the player picks exactly one at turn-in (empty: no choice) */
  choice: z.array(ItemRewardSchema).default([]),
  reputation: z.array(ReputationDeltaSchema).default([]),
  /** flags set on completion (later quests and dialogue react to them) */
  flags: z.array(z.object({ key: FlagKeySchema, value: FlagValueSchema })).default([]),
});
export type QuestRewards = z.infer<typeof QuestRewardsSchema>;

export const QuestFailureSchema = z.object({
  /** fails unless ready this many seconds after accepting */
  timeLimitSeconds: z
    .int()
    .min(30)
    .max(7 * 86_400)
    .optional(),
  /** fails when an NPC of one of these templates is killed: by this character, or by anyone */
  npcKilled: z
    .array(z.object({ npcTemplateIds: z.array(Id).min(1), by: z.enum(['self', 'anyone']) }))
    .default([]),
  /** shown in the quest log: "Fails if Jackie's contact dies." */
  note: z.string().optional(),
});
export type QuestFailure = z.infer<typeof QuestFailureSchema>;

export const QuestSchema = z.object({
  id: QuestIdSchema,
  title: z.string().min(3),
  /** one line for lists and the tracker */
  summary: z.string().min(10),
  /** what the giver says when offering it */
  description: z.string().min(20),
  /** what the turn-in contact says when it is done */
  completion: z.string().min(10),
  /** the district it takes place in (for the log's grouping) */
  zoneId: ZoneId,
  /** recommended level (shown; prerequisites.level is the gate) */
  level: z.int().min(1).max(50),
  giverId: Id,
  turnInId: Id,
  repeat: z.enum(QUEST_REPEATS).default('none'),
  prerequisites: QuestPrerequisitesSchema.prefault({}),
  objectives: z.array(QuestObjectiveSchema).min(1).max(8),
  rewards: QuestRewardsSchema,
  failure: QuestFailureSchema.optional(),
  /** a named chain and this quest's step in it (display only; order is by prerequisites) */
  chain: z.object({ id: Id, name: z.string(), step: z.int().min(1).max(20) }).optional(),
  /** offered only through a dialogue effect (`start_quest`), not in the giver's quest list */
  dialogueOnly: z.boolean().default(false),
  /**
   * started for every new character when it is created (the welcome quest), never
   * offered by its giver: characters made before it existed never get it
   */
  givenAtCreation: z.boolean().default(false),
  /** may be accepted again after failing or abandoning it */
  retryable: z.boolean().default(true),
  /** extra attribute/skill hints shown in the offer ("Cool helps here") */
  hint: z.string().optional(),
});
export type Quest = z.infer<typeof QuestSchema>;
export type QuestInput = z.input<typeof QuestSchema>;

/** Whether the giver offers the quest in its list (not through dialogue or at creation only). */
export const offeredByGiver = (q: Quest): boolean => !q.dialogueOnly && !q.givenAtCreation;

/** Period key stored for one-time quests (CharacterQuest.periodKey). */
export const ONCE_PERIOD_KEY = 'once';

/** Attributes skill checks and dialogue conditions can name. */
export const CHECK_ATTRIBUTES = ATTRIBUTE_KEYS;
