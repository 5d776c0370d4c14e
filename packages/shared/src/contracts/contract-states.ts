/**
 * Player contracts (issue 29; docs/economy.md "Contracts"): the states, who may move a
 * contract from one to the next, and nothing else — every transition the game allows
 * is a line of CONTRACT_TRANSITIONS, and `transition` refuses the rest (an exhaustive
 * table test walks every state × action × actor). The domain (packages/game/src/
 * contracts, next) runs each transition in one transaction with its escrow moves.
 */

/** What a contract asks of its taker. */
export const CONTRACT_KINDS = [
  /** deliver N of an item (a template) */
  'deliver',
  /** kill N of an enemy kind (an NPC template), counted from the kills the game records */
  'kill',
  /** craft an item (a recipe's output) and deliver it: its ledger source must be the taker's craft */
  'craft',
] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

export const CONTRACT_STATES = [
  /** on the board, its reward held in escrow; anyone but the poster may take it */
  'posted',
  /** taken: the taker's collateral (if asked) held beside the reward; the delivery deadline runs */
  'accepted',
  /** the taker says it is done (items handed into escrow, or the kills counted); the poster confirms or disputes */
  'delivered',
  /** done: reward and collateral to the taker, what was delivered to the poster */
  'confirmed',
  /** the poster disputes the delivery; a moderator rules */
  'disputed',
  /** ruled: released, refunded or split as the ruling says */
  'arbitrated',
  /** nobody took it in time: the reward back to the poster */
  'expired',
  /** the taker missed the deadline or gave up: reward back, collateral to the poster */
  'failed',
  /** withdrawn by the poster before anyone took it */
  'cancelled',
] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

export const CONTRACT_ACTIONS = [
  'accept',
  'cancel',
  'abandon',
  'deliver',
  'confirm',
  'dispute',
  'rule',
  /** the worker: the acceptance window closed with no taker */
  'expire',
  /** the worker: the delivery deadline passed */
  'miss_deadline',
  /** the worker: delivered, and the poster neither confirmed nor disputed in time */
  'auto_release',
] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

/** Who acts: the poster, the taker, anyone else (a would-be taker), a moderator, the worker. */
export const CONTRACT_ACTORS = ['poster', 'taker', 'other', 'moderator', 'system'] as const;
export type ContractActor = (typeof CONTRACT_ACTORS)[number];

/** Who wrote a disputed contract's evidence (ContractEvidence.by). */
export const CONTRACT_EVIDENCE_AUTHORS = ['poster', 'taker', 'moderator'] as const;
export type ContractEvidenceAuthor = (typeof CONTRACT_EVIDENCE_AUTHORS)[number];

/** Every allowed move: from a state, by an action, by whom, to which state. */
export const CONTRACT_TRANSITIONS: Readonly<
  Record<ContractState, Partial<Record<ContractAction, { by: ContractActor; to: ContractState }>>>
> = {
  posted: {
    accept: { by: 'other', to: 'accepted' },
    cancel: { by: 'poster', to: 'cancelled' },
    expire: { by: 'system', to: 'expired' },
  },
  accepted: {
    deliver: { by: 'taker', to: 'delivered' },
    abandon: { by: 'taker', to: 'failed' },
    miss_deadline: { by: 'system', to: 'failed' },
  },
  delivered: {
    confirm: { by: 'poster', to: 'confirmed' },
    dispute: { by: 'poster', to: 'disputed' },
    auto_release: { by: 'system', to: 'confirmed' },
  },
  disputed: {
    rule: { by: 'moderator', to: 'arbitrated' },
  },
  confirmed: {},
  arbitrated: {},
  expired: {},
  failed: {},
  cancelled: {},
};

/** States nothing moves out of. */
export const isFinal = (s: ContractState) => Object.keys(CONTRACT_TRANSITIONS[s]).length === 0;

export type TransitionResult =
  { ok: true; to: ContractState } | { ok: false; reason: 'not_now' | 'not_yours' };

/**
 * Where `action` by `actor` takes a contract in `state`: refused as `not_now` when the
 * state has no such move, as `not_yours` when someone else must make it.
 */
export function transition(
  state: ContractState,
  action: ContractAction,
  actor: ContractActor,
): TransitionResult {
  const move = CONTRACT_TRANSITIONS[state]?.[action];
  if (!move) return { ok: false, reason: 'not_now' };
  if (move.by !== actor) return { ok: false, reason: 'not_yours' };
  return { ok: true, to: move.to };
}
