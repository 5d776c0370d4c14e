/** The trade's part of the game store: requests to you and the trade you are in (trade-state.ts). */
import type { TradeRequestedMsg, TradeView } from '@necp/shared';
import type { Slice } from '../store/slice';
import {
  addRequest,
  applyTradeUpdate,
  dropRequest,
  initialTradeState,
  type TradeUiState,
} from './trade-state';

export interface TradeSliceState {
  trade: TradeUiState;
}

export interface TradeSliceActions {
  tradeRequested: (r: TradeRequestedMsg) => void;
  tradeRequestDone: (tradeId: string) => void;
  tradeUpdate: (v: TradeView) => void;
}

export const tradeSlice: Slice<TradeSliceState & TradeSliceActions> = (set, get) => ({
  trade: initialTradeState(),
  tradeRequested: (r) => set({ trade: addRequest(get().trade, r) }),
  tradeRequestDone: (tradeId) => set({ trade: dropRequest(get().trade, tradeId) }),
  tradeUpdate: (v) => set({ trade: applyTradeUpdate(get().trade, v) }),
});
