/**
 * Inputs and views of player contracts (contracts/contract-rules.ts holds the rules,
 * contract-states.ts the states). The domain (packages/game/src/contracts) parses every
 * input again.
 */
import { z } from 'zod';
import {
  CONTRACT_ACCEPT_WINDOWS_H,
  CONTRACT_COLLATERAL_MAX,
  CONTRACT_DELIVER_WINDOWS_H,
  CONTRACT_QUANTITY_MAX,
  CONTRACT_RATING_MAX,
  CONTRACT_RATING_MIN,
  CONTRACT_REWARD_MAX,
  CONTRACT_REWARD_MIN,
  CONTRACT_RULINGS,
  type ContractRuling,
} from '../contracts/contract-rules';
import {
  CONTRACT_KINDS,
  type ContractEvidenceAuthor,
  type ContractKind,
  type ContractState,
} from '../contracts/contract-states';
import { ContentIdSchema, IdSchema, IdempotencyKeySchema, TextSchema } from './primitives';

/**
 * A contract as posted: what it asks (`kind`, `targetId` — an item template for deliver
 * and craft, an NPC template for kill — and `quantity`), what it pays (`reward` eddies
 * held in escrow, and optionally one stack of the bag, `rewardItemId`), the collateral
 * a taker must put up, the windows. `idempotencyKey` (the client's, once per post) makes
 * a second try return the first contract.
 */
export const ContractPostInputSchema = z
  .object({
    characterId: IdSchema,
    idempotencyKey: IdempotencyKeySchema,
    kind: z.enum(CONTRACT_KINDS),
    targetId: ContentIdSchema,
    quantity: z.int('Whole units').min(1, 'At least 1'),
    reward: z
      .int('Whole eddies')
      .min(CONTRACT_REWARD_MIN, `At least ${CONTRACT_REWARD_MIN} eddies`)
      .max(CONTRACT_REWARD_MAX),
    rewardItemId: IdSchema.optional(),
    collateral: z.int('Whole eddies').min(0).max(CONTRACT_COLLATERAL_MAX).default(0),
    acceptH: z.union(CONTRACT_ACCEPT_WINDOWS_H.map((h) => z.literal(h))).default(72),
    deliverH: z.union(CONTRACT_DELIVER_WINDOWS_H.map((h) => z.literal(h))).default(24),
    note: TextSchema(200).default(''),
  })
  .refine((c) => c.quantity <= CONTRACT_QUANTITY_MAX[c.kind], {
    message: 'Too many for one contract',
    path: ['quantity'],
  });
export type ContractPostInput = z.input<typeof ContractPostInputSchema>;

/** Accept, cancel, abandon, deliver, confirm: the contract and who acts. */
export const ContractRefSchema = z.object({ characterId: IdSchema, contractId: IdSchema });
export type ContractRef = z.input<typeof ContractRefSchema>;

export const ContractDisputeInputSchema = ContractRefSchema.extend({
  reason: TextSchema(500, { min: 1 }),
});
export type ContractDisputeInput = z.input<typeof ContractDisputeInputSchema>;

export const ContractEvidenceInputSchema = ContractRefSchema.extend({
  text: TextSchema(500, { min: 1 }),
});
export type ContractEvidenceInput = z.input<typeof ContractEvidenceInputSchema>;

export const ContractRateInputSchema = ContractRefSchema.extend({
  score: z.int().min(CONTRACT_RATING_MIN).max(CONTRACT_RATING_MAX),
});
export type ContractRateInput = z.input<typeof ContractRateInputSchema>;

/** The board: open contracts, newest first, filtered by kind and a word of the target's name. */
export const ContractBoardInputSchema = z.object({
  characterId: IdSchema,
  kind: z.enum(CONTRACT_KINDS).optional(),
  search: TextSchema(32).optional(),
});
export type ContractBoardInput = z.input<typeof ContractBoardInputSchema>;

export const ContractMineInputSchema = z.object({ characterId: IdSchema });
export type ContractMineInput = z.input<typeof ContractMineInputSchema>;

/** Staff: one disputed case; a ruling; a moderator's note in the evidence. */
export const ContractCaseInputSchema = z.object({ contractId: IdSchema });
export const ContractRuleInputSchema = z.object({
  contractId: IdSchema,
  ruling: z.enum(CONTRACT_RULINGS),
  /** the taker's share of the reward on a split, in % */
  takerPct: z.int().min(0).max(100).default(50),
  note: TextSchema(500, { min: 1 }),
});
export type ContractRuleInput = z.input<typeof ContractRuleInputSchema>;
export const ContractStaffNoteInputSchema = z.object({
  contractId: IdSchema,
  text: TextSchema(500, { min: 1 }),
});

export interface ContractPartyView {
  id: string | null;
  name: string;
  rating: { score: number | null; count: number };
}

/** A contract as the board and its parties see it. */
export interface ContractView {
  id: string;
  kind: ContractKind;
  targetId: string;
  targetName: string;
  quantity: number;
  /** kills counted (kill), or crafts finished since acceptance (craft) */
  progress: number;
  reward: number;
  collateral: number;
  fee: number;
  rewardItem: { templateId: string; name: string; quantity: number } | null;
  note: string;
  state: ContractState;
  poster: ContractPartyView;
  taker: ContractPartyView | null;
  postedAt: string;
  acceptBy: string;
  /** hours the taker has to deliver once taken */
  deliverH: number;
  deadline: string | null;
  releaseAt: string | null;
  closedAt: string | null;
  /** the viewer's side */
  you: 'poster' | 'taker' | 'other';
  /** the viewer may still rate the other side */
  canRate: boolean;
}

export interface ContractEvidenceView {
  by: ContractEvidenceAuthor;
  name: string;
  text: string;
  at: string;
}

/** A disputed contract as a moderator (and its parties) see it. */
export interface ContractCaseView extends ContractView {
  evidence: ContractEvidenceView[];
  delivered: { templateId: string; name: string; quantity: number }[];
  ruling: { ruling: ContractRuling; takerPct: number; note: string; by: string; at: string } | null;
  /** the viewer is a moderator who may rule on it (not related to either side) */
  mayRule: boolean;
}
