/**
 * UI-facing game state (zustand). The simulation itself (positions every frame)
 * lives in plain objects inside GameClient; this store only gets what React
 * renders: connection, HUD values (published ~10×/s), overlays and toasts.
 *
 * One way to write it: every key belongs to one feature's slice (store/slice.ts) and
 * changes only through that slice's actions, which the controllers call (ESLint holds
 * `.setState(` to this folder, tests and the previews). The store adds nothing of its
 * own but the restacking of the open layers.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { chatSlice, type ChatSliceActions, type ChatSliceState } from '../chat/chat-slice';
import { toastSlice, type ToastSliceActions, type ToastSliceState } from '../hud/toast-slice';
import { partySlice, type PartySliceActions, type PartySliceState } from '../party/party-slice';
import { tradeSlice, type TradeSliceActions, type TradeSliceState } from '../trade/trade-slice';
import { combatUiSlice, type CombatUiActions, type CombatUiState } from '../combat/combat-ui-slice';
import {
  matchSlice,
  type MatchSliceActions,
  type MatchSliceState,
} from '../matchmaking/match-slice';
import { itemUiSlice, type ItemUiActions, type ItemUiState } from '../items/item-ui-slice';
import { worldUiSlice, type WorldUiActions, type WorldUiState } from '../world/world-ui-slice';
import { arenaUiSlice, type ArenaUiActions, type ArenaUiState } from '../arena/arena-ui-slice';
import { bossUiSlice, type BossUiActions, type BossUiState } from '../combat/boss-ui-slice';
import { questUiSlice, type QuestUiActions, type QuestUiState } from '../quests/quest-ui-slice';
import { hudViewSlice, type HudViewActions, type HudViewState } from '../hud/hud-view-slice';
import { chromeSlice, type ChromeSliceActions, type ChromeSliceState } from '../hud/chrome-slice';
import {
  connectionSlice,
  type ConnectionSliceActions,
  type ConnectionSliceState,
} from '../net/connection-slice';
import { openLayers, restack } from '../input/layer-stack';

/** What React renders: each feature's slice adds its part (store/slice.ts). */
export interface GameState
  extends
    ConnectionSliceState,
    ChromeSliceState,
    HudViewState,
    ItemUiState,
    CombatUiState,
    WorldUiState,
    ArenaUiState,
    BossUiState,
    ToastSliceState,
    ChatSliceState,
    PartySliceState,
    TradeSliceState,
    MatchSliceState,
    QuestUiState {}

export interface GameActions
  extends
    ConnectionSliceActions,
    ChromeSliceActions,
    HudViewActions,
    ItemUiActions,
    CombatUiActions,
    WorldUiActions,
    ArenaUiActions,
    BossUiActions,
    ToastSliceActions,
    ChatSliceActions,
    PartySliceActions,
    TradeSliceActions,
    MatchSliceActions,
    QuestUiActions {}

export type GameStore = StoreApi<GameState & GameActions>;

export function createGameStore(): GameStore {
  const store = createStore<GameState & GameActions>()((set, get) => ({
    // the features' slices (store/slice.ts): their state and actions, one line each
    ...connectionSlice(set, get),
    ...chromeSlice(set, get),
    ...hudViewSlice(set, get),
    ...toastSlice(set, get),
    ...chatSlice(set, get),
    ...partySlice(set, get),
    ...tradeSlice(set, get),
    ...itemUiSlice(set, get),
    ...combatUiSlice(set, get),
    ...worldUiSlice(set, get),
    ...arenaUiSlice(set, get),
    ...bossUiSlice(set, get),
    ...matchSlice(set, get),
    ...questUiSlice(set, get),
  }));
  // every change restacks the open layers
  store.subscribe((s) => {
    const layers = restack(s.layers, openLayers(s));
    if (layers !== s.layers) store.setState({ layers });
  });
  return store;
}
