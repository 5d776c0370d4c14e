/**
 * Store state of instances and the arena (issue 14): the transition between zones,
 * the arena's scoreboard and its result. The game client's ArenaSession sets them
 * from instance:transfer / arena:state / arena:result; the HUD reads them.
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

export const initialArenaUi = (): ArenaUiState => ({
  transfer: null,
  arena: null,
  arenaResult: null,
});

/** Set by the game client only (no actions of its own). */
export const arenaUiSlice: Slice<ArenaUiState> = () => initialArenaUi();
