/**
 * Matchmaking's part of the game store: the queue, the ready check, the match, a penalty
 * (queue-view.ts), each stamped on the local clock as it arrives. match-commands.ts tells it.
 */
import type { MatchFoundMsg, MatchStatusMsg } from '@necp/shared';
import type { Slice } from '../store/slice';
import { applyMatchFound, applyMatchStatus, initialMatchUi, type MatchUiState } from './queue-view';

export interface MatchSliceState {
  match: MatchUiState;
}

export interface MatchSliceActions {
  /** match:found */
  matchFound: (msg: MatchFoundMsg) => void;
  /** a match:status, pushed or acked */
  matchStatus: (msg: MatchStatusMsg) => void;
  /** match:leave was accepted: out of the queue */
  matchLeft: () => void;
  /** an answer to the ready check is on its way (true) or back (false) */
  matchAnswering: (answering: boolean) => void;
}

export const matchSlice: Slice<MatchSliceState & MatchSliceActions> = (set, get) => ({
  match: initialMatchUi(),
  matchFound: (msg) => set({ match: applyMatchFound(get().match, msg, Date.now()) }),
  matchStatus: (msg) => set({ match: applyMatchStatus(get().match, msg, Date.now()) }),
  matchLeft: () => set({ match: { ...get().match, status: { state: 'idle' } } }),
  matchAnswering: (answering) => set({ match: { ...get().match, answering } }),
});
