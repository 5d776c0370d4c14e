/**
 * Player contracts (issue 29; docs/economy.md "Contracts"): the numbers — caps, fees,
 * windows — and the pure sums of a settlement. The states are contract-states.ts; the
 * domain (packages/game/src/contracts) enforces every rule; the contract board shows
 * them with the same functions.
 */
import { z } from 'zod';
import { RECIPES } from '../content/recipes';
import type { ContractKind } from './contract-states';

/** Contracts a character may have posted and not finished at once. */
export const CONTRACTS_POSTED_MAX = 5;
/** Contracts a character may have taken and not finished at once. */
export const CONTRACTS_TAKEN_MAX = 3;
/** The reward and the collateral, in whole eddies. */
export const CONTRACT_REWARD_MIN = 10;
export const CONTRACT_REWARD_MAX = 10_000_000;
export const CONTRACT_COLLATERAL_MAX = 10_000_000;
/** How many of a thing a contract may ask (kills or items). */
export const CONTRACT_QUANTITY_MAX: Record<ContractKind, number> = {
  deliver: 999,
  kill: 100,
  craft: 20,
};
/** Hours the contract stays on the board waiting for a taker. */
export const CONTRACT_ACCEPT_WINDOWS_H = [24, 72, 168] as const;
export type ContractAcceptWindowH = (typeof CONTRACT_ACCEPT_WINDOWS_H)[number];
/** Hours the taker has from accepting to delivering. */
export const CONTRACT_DELIVER_WINDOWS_H = [2, 24, 72] as const;
export type ContractDeliverWindowH = (typeof CONTRACT_DELIVER_WINDOWS_H)[number];
/**
 * After a delivery the poster has this long to confirm or dispute (the dispute window);
 * then the worker releases the reward to the taker.
 */
export const CONTRACT_RELEASE_AFTER_MS = 72 * 3_600_000;

/** The posting fee (a sink, kept whatever happens): 2 % of the reward, at least 1. */
export const CONTRACT_POST_FEE_RATE = 0.02;
export const contractPostFee = (reward: number) =>
  Math.max(1, Math.ceil(reward * CONTRACT_POST_FEE_RATE));

/** The arbitration fee the losing side pays: 5 % of the reward, at least 10 (split: half each). */
export const CONTRACT_ARBITRATION_FEE_RATE = 0.05;
export const contractArbitrationFee = (reward: number) =>
  Math.max(10, Math.ceil(reward * CONTRACT_ARBITRATION_FEE_RATE));

/** What a moderator may rule: all to the taker, all back to the poster, or a split. */
export const CONTRACT_RULINGS = ['release', 'refund', 'split'] as const;
export type ContractRuling = (typeof CONTRACT_RULINGS)[number];

/** Evidence lines a dispute may hold (each side and the moderator together). */
export const CONTRACT_EVIDENCE_MAX = 20;

/** A rating: 1–5 stars, one per side per finished contract. */
export const CONTRACT_RATING_MIN = 1;
export const CONTRACT_RATING_MAX = 5;

export interface Settlement {
  /** eddies of the escrow to the taker and to the poster */
  toTaker: number;
  toPoster: number;
  /** the delivered items: to the poster, or back to the taker */
  itemsTo: 'poster' | 'taker';
  /** the arbitration fee each side pays (from their balance, at most what they have) */
  feePoster: number;
  feeTaker: number;
}

/**
 * Where an escrow of `reward` + `collateral` goes when a contract ends:
 * - confirmed (or released by a ruling): all to the taker, the items to the poster;
 * - refund ruling: the reward and the collateral to the poster, the items back to the taker;
 * - split ruling: the reward shared at `takerPct` %, the collateral back to the taker,
 *   the items to the poster;
 * - failed (deadline missed or abandoned): reward and collateral to the poster;
 * - expired or cancelled (never taken): the reward back to the poster.
 * A ruling's fee is paid by the losing side (half each on a split).
 */
export function settle(
  outcome: 'confirmed' | 'release' | 'refund' | 'split' | 'failed' | 'expired' | 'cancelled',
  e: { reward: number; collateral: number; takerPct?: number },
): Settlement {
  const fee = contractArbitrationFee(e.reward);
  const all = e.reward + e.collateral;
  switch (outcome) {
    case 'confirmed':
      return { toTaker: all, toPoster: 0, itemsTo: 'poster', feePoster: 0, feeTaker: 0 };
    case 'release':
      return { toTaker: all, toPoster: 0, itemsTo: 'poster', feePoster: fee, feeTaker: 0 };
    case 'refund':
      return { toTaker: 0, toPoster: all, itemsTo: 'taker', feePoster: 0, feeTaker: fee };
    case 'split': {
      const pct = Math.min(100, Math.max(0, Math.round(e.takerPct ?? 50)));
      const share = Math.floor((e.reward * pct) / 100);
      const half = Math.ceil(fee / 2);
      return {
        toTaker: share + e.collateral,
        toPoster: e.reward - share,
        itemsTo: 'poster',
        feePoster: half,
        feeTaker: half,
      };
    }
    case 'failed':
      return { toTaker: 0, toPoster: all, itemsTo: 'taker', feePoster: 0, feeTaker: 0 };
    case 'expired':
    case 'cancelled':
      // never taken: no collateral was put up
      return { toTaker: 0, toPoster: e.reward, itemsTo: 'taker', feePoster: 0, feeTaker: 0 };
  }
}

/** A public rating: Σ score × weight / Σ weight, weights the contracts' rewards. */
export function weightedRating(rows: readonly { score: number; weight: number }[]): {
  score: number | null;
  count: number;
} {
  let w = 0;
  let s = 0;
  for (const r of rows) {
    w += r.weight;
    s += r.score * r.weight;
  }
  return { score: w > 0 ? Math.round((s / w) * 10) / 10 : null, count: rows.length };
}

/**
 * contract:progress — a kill or craft contract counted one more toward what it asks, told
 * to both sides at once (their contract windows read again; no poll needed).
 */
export const ContractProgressMsgSchema = z
  .object({
    contractId: z.string().min(1),
    /** units done so far (kills, or units crafted), at most `quantity` */
    progress: z.int().min(0),
    quantity: z.int().min(0),
  })
  .refine((m) => m.progress <= m.quantity, 'progress is at most quantity');
export type ContractProgressMsg = z.infer<typeof ContractProgressMsgSchema>;

/** What a deliver or craft contract may ask: any item but a quest item. */
export const isAskableItem = (t: { kind: string }): boolean => t.kind !== 'quest';

/** The items a craft contract may ask: what some recipe makes. */
export const CRAFTABLE_TEMPLATE_IDS: ReadonlySet<string> = new Set(
  RECIPES.map((r) => r.output.templateId),
);
