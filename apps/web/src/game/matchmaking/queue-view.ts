/**
 * The queue window's state, as this client knows it: the latest match:status (or
 * match:found), re-stamped on the local clock on arrival — the sim sends "ms waited
 * / ms left", so countdowns never depend on the two clocks agreeing. Pure: the store
 * keeps it, the window, the HUD indicator and the ready-check popup read it.
 */
import {
  QUEUE_LEVELS,
  READY_CHECK_MS,
  bandText,
  formatWait,
  levelRangeReason,
  levelRangeText,
  type LevelledMember,
  type GroupRole,
  type MatchFoundMsg,
  type MatchStatusMsg,
  type MatchSummary,
  type QueueId,
} from '@necp/shared';

export type LocalQueueStatus =
  | { state: 'idle' }
  | {
      state: 'queued';
      queue: QueueId;
      /** local epoch ms the ticket entered its queue */
      since: number;
      estimatedWaitMs: number | null;
      memberIds: string[];
    }
  | (MatchSummary & {
      state: 'ready_check';
      /** local epoch ms the ready check ends */
      deadline: number;
      accepted: boolean;
      acceptedCount: number;
      memberCount: number;
    })
  | (MatchSummary & { state: 'in_match' });

export interface MatchUiState {
  status: LocalQueueStatus;
  /** local epoch ms until which queueing is barred (a dodged ready check); null: free */
  penaltyUntil: number | null;
  /** an answer to the ready check is on its way (the buttons wait) */
  answering: boolean;
}

export const initialMatchUi = (): MatchUiState => ({
  status: { state: 'idle' },
  penaltyUntil: null,
  answering: false,
});

/** A match:status (push or ack) arrived at local time `now`. */
export function applyMatchStatus(s: MatchUiState, msg: MatchStatusMsg, now: number): MatchUiState {
  const st = msg.status;
  let status: LocalQueueStatus;
  switch (st.state) {
    case 'idle':
      status = { state: 'idle' };
      break;
    case 'queued':
      status = {
        state: 'queued',
        queue: st.queue,
        since: now - st.waitedMs,
        estimatedWaitMs: st.estimatedWaitMs,
        memberIds: st.memberIds,
      };
      break;
    case 'ready_check': {
      const { remainingMs, state: _s, ...rest } = st;
      status = { ...rest, state: 'ready_check', deadline: now + remainingMs };
      break;
    }
    case 'in_match': {
      const { state: _s, ...rest } = st;
      status = { ...rest, state: 'in_match' };
      break;
    }
  }
  return {
    status,
    penaltyUntil: msg.penaltyMs === null ? null : now + msg.penaltyMs,
    answering: s.answering && status.state === 'ready_check',
  };
}

/** A match:found arrived: the ready check starts (nobody accepted yet). */
export function applyMatchFound(s: MatchUiState, msg: MatchFoundMsg, now: number): MatchUiState {
  const { remainingMs, deadline: _d, ...summary } = msg;
  return {
    ...s,
    answering: false,
    status: {
      ...summary,
      state: 'ready_check',
      deadline: now + remainingMs,
      accepted: false,
      acceptedCount: 0,
      memberCount: msg.teams.flat().length,
    },
  };
}

export const QUEUE_LABEL: Record<QueueId, string> = {
  dungeon: 'Dungeon',
  arena_1v1: 'Arena 1v1',
  arena_3v3: 'Arena 3v3',
  raid: 'Raid',
};

export const ROLE_LABEL: Record<GroupRole, string> = {
  tank: 'Tank',
  damage: 'Damage',
  support: 'Support',
};

/** "0:07", "12:45", "1:02:03" — a timer in the queue window. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The estimate as the window shows it. */
export const estimateText = (ms: number | null): string =>
  ms === null ? 'no estimate yet' : `~${formatWait(ms)}`;

/** Seconds left of a ready check (rounded up: "20 s" until the first second has passed). */
export const readyCheckSeconds = (deadline: number, now: number): number =>
  Math.max(0, Math.ceil((deadline - now) / 1000));

/** How much of the ready check is left, 1 → 0 (the popup's bar). */
export const readyCheckFraction = (deadline: number, now: number): number =>
  Math.max(0, Math.min(1, (deadline - now) / READY_CHECK_MS));

/** The ms left of a penalty (null: none, or it ran out). */
export const penaltyLeft = (s: MatchUiState, now: number): number | null =>
  s.penaltyUntil !== null && s.penaltyUntil > now ? s.penaltyUntil - now : null;

export const penaltyText = (leftMs: number): string =>
  `You declined or missed a ready check: you can queue again in ${formatWait(leftMs)}.`;

/** "Arena 1v1", "Dungeon" … for a ready check or a match. */
export function matchTitle(m: Pick<MatchSummary, 'queue'>): string {
  return QUEUE_LABEL[m.queue];
}

/** Which team of a match holds this character (-1: none). */
export const teamOf = (m: Pick<MatchSummary, 'teams'>, characterId: string): number =>
  m.teams.findIndex((t) => t.some((x) => x.characterId === characterId));

/**
 * What the tab's title says while a ready check waits for this player (it blinks
 * with the page's own: a tab in the background shows it); null once answered or over.
 */
export function alertTitle(s: MatchUiState, now: number): string | null {
  if (s.status.state !== 'ready_check' || s.status.accepted) return null;
  if (now >= s.status.deadline) return null;
  return `⚔ Match found! — ${matchTitle(s.status)}`;
}

/**
 * What the finder says of a queue's levels for the players who would queue
 * (yourself, or your party as its leader would queue it): its range ("Lv 14–30"), in
 * the arena the band you would be matched in, and why you cannot queue (the words
 * the sim refuses with); reason null: it is open to you.
 */
export interface QueueLevelView {
  tag: string;
  reason: string | null;
}

export function queueLevelView(queue: QueueId, who: readonly LevelledMember[]): QueueLevelView {
  const { range, bands } = QUEUE_LEVELS[queue];
  const reason = who.length > 0 ? levelRangeReason(queue, who) : null;
  const top = Math.max(0, ...who.map((m) => m.level));
  const band = bands.length > 1 && reason === null && top > 0 ? bandText(queue, top) : null;
  const short = (t: string) => t.replace(/^levels? /, 'Lv ');
  return { tag: band ? `${short(band)} bracket` : short(levelRangeText(range)), reason };
}
