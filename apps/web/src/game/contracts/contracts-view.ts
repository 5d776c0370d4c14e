/**
 * What the contract board says, as pure functions (unit-tested): the targets a kind may
 * ask, how many of one fit a contract, what posting costs, a public rating in stars,
 * a contract's clock and progress, and which buttons its state gives the viewer — the
 * shared state table decides (contract-states.ts), so the board never offers what the
 * server would refuse.
 */
import {
  CONTRACT_QUANTITY_MAX,
  CONTRACT_RATING_MAX,
  ITEM_TEMPLATES,
  MAIL_ATTACHMENTS_MAX,
  NPC_TEMPLATES,
  CRAFTABLE_TEMPLATE_IDS,
  contractPostFee,
  isAskableItem,
  isFinal,
  itemTemplateById,
  transition,
  type ContractAction,
  type ContractKind,
  type ContractRuling,
  type ContractState,
  type ContractView,
} from '@necp/shared';
import { timeLeftText } from '../auction/auction-view';
import { epochMs } from '../time/server-clock';

export const KIND_LABEL: Record<ContractKind, string> = {
  deliver: 'Deliver',
  kill: 'Kill',
  craft: 'Craft',
};

/** What a contract asks, as a sentence's start: "Deliver 30 × Scrap Metal". */
export const askText = (c: Pick<ContractView, 'kind' | 'quantity' | 'targetName'>) =>
  `${KIND_LABEL[c.kind]} ${c.quantity} × ${c.targetName}`;

export interface TargetOption {
  id: string;
  name: string;
}

const byName = (a: TargetOption, b: TargetOption) => a.name.localeCompare(b.name);

/**
 * What a kind may ask, by name: any item but quest items (deliver), an enemy kind
 * (kill), a recipe's output (craft) — shared's contract rules, which the server checks
 * again (contract-targets.ts).
 */
export function targetOptions(kind: ContractKind): TargetOption[] {
  if (kind === 'kill') return NPC_TEMPLATES.map((n) => ({ id: n.id, name: n.name })).sort(byName);
  if (kind === 'craft')
    return [...CRAFTABLE_TEMPLATE_IDS]
      .map((id) => ({ id, name: itemTemplateById(id)?.name ?? id }))
      .sort(byName);
  return ITEM_TEMPLATES.filter(isAskableItem)
    .map((t) => ({ id: t.id, name: t.name }))
    .sort(byName);
}

/** The targets whose name holds `word` (any case), the first `limit`. */
export function searchTargets(list: readonly TargetOption[], word: string, limit = 40) {
  const w = word.trim().toLowerCase();
  return (w ? list.filter((t) => t.name.toLowerCase().includes(w)) : list).slice(0, limit);
}

/** The most one contract may ask of a target: the kind's cap, and items must fit one mail. */
export function maxQuantity(kind: ContractKind, targetId: string | null): number {
  const cap = CONTRACT_QUANTITY_MAX[kind];
  if (kind === 'kill' || !targetId) return cap;
  const stack = itemTemplateById(targetId)?.stackSize ?? 1;
  return Math.min(cap, MAIL_ATTACHMENTS_MAX * stack);
}

/** What posting takes from the purse now: the reward held in escrow and the fee (kept). */
export function postCost(reward: number) {
  const fee = contractPostFee(reward);
  return { fee, total: reward + fee };
}

/** "4.3 ★ (12)", "new" with no ratings yet. */
export function ratingText(r: { score: number | null; count: number }): string {
  if (r.score === null || r.count === 0) return 'new';
  return `${r.score.toFixed(1)} ★ (${r.count})`;
}

/** How much of the five stars a score fills, in % (none: 0). */
export function starsPct(score: number | null): number {
  if (score === null) return 0;
  return Math.round(
    (Math.min(CONTRACT_RATING_MAX, Math.max(0, score)) / CONTRACT_RATING_MAX) * 100,
  );
}

export const STATE_LABEL: Record<ContractState, string> = {
  posted: 'on the board',
  accepted: 'taken',
  delivered: 'delivered',
  confirmed: 'done',
  disputed: 'disputed',
  arbitrated: 'ruled',
  expired: 'expired',
  failed: 'failed',
  cancelled: 'cancelled',
};

const ms = (iso: string | null) => (iso ? epochMs(iso) : null);

/** The clock that matters in this state, in words (null: none runs); `now`: server epoch ms. */
export function clockText(
  c: Pick<ContractView, 'state' | 'acceptBy' | 'deliverH' | 'deadline' | 'releaseAt'>,
  now: number,
): string | null {
  const at = (iso: string | null) => timeLeftText(ms(iso) ?? now, now);
  switch (c.state) {
    case 'posted':
      return `open ${at(c.acceptBy)} · ${c.deliverH} h to deliver`;
    case 'accepted':
      return `deliver within ${at(c.deadline)}`;
    case 'delivered':
      return `pays out in ${at(c.releaseAt)}`;
    case 'disputed':
      return 'with a moderator';
    default:
      return null;
  }
}

/** The clock runs out within the hour: the row says so in red. */
export function clockUrgent(
  c: Pick<ContractView, 'state' | 'deadline' | 'releaseAt'>,
  now: number,
): boolean {
  const at =
    c.state === 'accepted' ? ms(c.deadline) : c.state === 'delivered' ? ms(c.releaseAt) : null;
  return at !== null && at - now < 3_600_000;
}

/** "12 / 30": kills counted or crafts made; a delivery's items are counted when handed in. */
export function progressText(c: Pick<ContractView, 'kind' | 'state' | 'progress' | 'quantity'>) {
  if (c.kind === 'deliver' && c.state === 'accepted') return null;
  if (c.state === 'posted') return null;
  return `${Math.min(c.progress, c.quantity)} / ${c.quantity}`;
}

export interface ContractActions {
  accept: boolean;
  cancel: boolean;
  abandon: boolean;
  deliver: boolean;
  confirm: boolean;
  dispute: boolean;
  /** add a line to the case (either side, while disputed) */
  evidence: boolean;
  rate: boolean;
}

/** What the viewer may do now: the moves the state table gives their side, and rating. */
export function contractActions(
  c: Pick<
    ContractView,
    'kind' | 'state' | 'you' | 'canRate' | 'acceptBy' | 'deadline' | 'progress' | 'quantity'
  >,
  now: number,
): ContractActions {
  const may = (a: ContractAction) => transition(c.state, a, c.you).ok;
  const before = (iso: string | null) => iso === null || epochMs(iso) > now;
  // kills and crafts are counted by the server: Deliver once they make the number (a
  // delivery's items are counted when handed in, and the server says what is missing)
  const done = c.kind === 'deliver' || c.progress >= c.quantity;
  return {
    accept: may('accept') && before(c.acceptBy),
    cancel: may('cancel'),
    abandon: may('abandon'),
    deliver: may('deliver') && before(c.deadline) && done,
    confirm: may('confirm'),
    dispute: may('dispute'),
    evidence: c.state === 'disputed' && c.you !== 'other',
    rate: c.canRate && isFinal(c.state),
  };
}

/** "Running" first (newest first, as the server sends them), then the finished ones. */
export function splitMine(list: readonly ContractView[]) {
  return {
    running: list.filter((c) => !isFinal(c.state)),
    finished: list.filter((c) => isFinal(c.state)),
  };
}

/** Whole units typed by a player, 1…max, or null. */
export function parseCount(text: string, max: number): number | null {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= max ? n : null;
}

/** "2 h", "1 d", "3 d", "7 d": a window's length as the chips say it. */
export const hoursText = (h: number) => (h < 24 ? `${h} h` : `${h / 24} d`);

/** A ruling in words: "Released to the taker", "Refunded to the poster", "Split 60 / 40". */
export function rulingText(ruling: ContractRuling, takerPct: number): string {
  if (ruling === 'release') return 'Released to the taker';
  if (ruling === 'refund') return 'Refunded to the poster';
  return `Split: ${takerPct} % to the taker, ${100 - takerPct} % to the poster`;
}
