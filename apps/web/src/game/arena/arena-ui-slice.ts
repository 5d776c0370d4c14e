/**
 * Store state of instances and the arena (issue 14): the transition between zones,
 * the arena's scoreboard and its result. The game client's ArenaSession sets them
 * from instance:transfer / arena:state / arena:result through its actions; the HUD reads them.
 */
import type { Slice } from '../store/slice';
import type { ArenaResultMsg, ArenaStateMsg } from '@necp/shared';
import type { TransferView } from './instance-transfer';

/** A pushed message and when it arrived (performance.now(): its times count down from there). */
export interface Received<T> {
  msg: T;
  at: number;
}

export interface ArenaUiState {
  /** moving into or out of an instance: the full-screen transition until the next welcome */
  transfer: TransferView | null;
  /** the arena's latest scoreboard (null: not in an arena) */
  arena: Received<ArenaStateMsg> | null;
  /** how the match ended (the result panel until everyone is sent back) */
  arenaResult: Received<ArenaResultMsg> | null;
}

export interface ArenaUiActions {
  /** instance:transfer: the transition shows */
  transferStarted: (transfer: TransferView) => void;
  /** the welcome at the other end came: the transition fades out */
  transferArrived: () => void;
  /** the transition is over (done, or given up) */
  transferEnded: () => void;
  /** arena:state arrived at `at` (performance.now()) */
  arenaStateReceived: (msg: ArenaStateMsg, at: number) => void;
  /** arena:result arrived at `at` (performance.now()) */
  arenaResultReceived: (msg: ArenaResultMsg, at: number) => void;
  /** a welcome outside the match's instance: no scoreboard, no result */
  arenaLeft: () => void;
}

export const initialArenaUi = (): ArenaUiState => ({
  transfer: null,
  arena: null,
  arenaResult: null,
});

export const arenaUiSlice: Slice<ArenaUiState & ArenaUiActions> = (set, get) => ({
  ...initialArenaUi(),
  transferStarted: (transfer) => set({ transfer }),
  transferArrived: () => {
    const transfer = get().transfer;
    if (transfer) set({ transfer: { ...transfer, arrived: true } });
  },
  transferEnded: () => set({ transfer: null }),
  arenaStateReceived: (msg, at) => set({ arena: { msg, at } }),
  arenaResultReceived: (msg, at) => set({ arenaResult: { msg, at } }),
  arenaLeft: () => set({ arena: null, arenaResult: null }),
});
