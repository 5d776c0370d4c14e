/**
 * UI-facing game state (zustand). The simulation itself (positions every frame)
 * lives in plain objects inside GameClient; this store only gets what React
 * renders: connection, HUD values (published ~10×/s), overlays and toasts.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KickMsg } from '@necp/shared';
import { chatSlice, type ChatSliceActions, type ChatSliceState } from '../chat/chat-slice';
import { toastSlice, type ToastSliceActions, type ToastSliceState } from '../hud/toast-slice';
import { partySlice, type PartySliceActions, type PartySliceState } from '../party/party-slice';
import { tradeSlice, type TradeSliceActions, type TradeSliceState } from '../trade/trade-slice';
import { combatUiSlice, type CombatUiActions, type CombatUiState } from '../combat/combat-ui-slice';
import { initialMatchUi, type MatchUiState } from '../matchmaking/queue-view';
import { itemUiSlice, type ItemUiActions, type ItemUiState } from '../items/item-ui-slice';
import { worldUiSlice, type WorldUiActions, type WorldUiState } from '../world/world-ui-slice';
import { arenaUiSlice, type ArenaUiState } from '../arena/arena-ui-slice';
import { bossUiSlice, type BossUiState } from '../combat/boss-ui-slice';
import { openLayers, restack, type LayerId } from '../input/layer-stack';
import { saveKeyHelp } from '../hud/key-help-pref';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface HudSelf {
  name: string;
  level: number;
  health: number;
  maxHealth: number;
  /** metres */
  x: number;
  y: number;
}

export interface VisibleEntity {
  eid: number;
  kind: 'player' | 'npc';
  name: string;
  /** npcs: content template id */
  templateId?: string;
  dead: boolean;
  health: number;
  maxHealth: number;
  /** metres, last position the server reported */
  x: number;
  y: number;
}

/** Something that ends the session until the player acts (not a kick). */
export interface FatalError {
  title: string;
  message: string;
  /** offer "try again" (false when retrying cannot help, e.g. deleted character) */
  retry: boolean;
  signIn?: boolean;
}

/** What React renders; each feature's slice adds its part (store/slice.ts). */
export interface GameState
  extends
    ItemUiState,
    CombatUiState,
    WorldUiState,
    ArenaUiState,
    BossUiState,
    ToastSliceState,
    ChatSliceState,
    PartySliceState,
    TradeSliceState {
  status: ConnectionStatus;
  pingMs: number | null;
  zone: { id: string; name: string } | null;
  self: HudSelf | null;
  visible: VisibleEntity[];
  kicked: KickMsg | null;
  fatal: FatalError | null;
  menuOpen: boolean;
  /** the notification bell's list is open (N) */
  notificationsOpen: boolean;
  /** matchmaking: the queue, the ready check, the match, a penalty (matchmaking/queue-view.ts) */
  match: MatchUiState;
  /** what is open over the map, in the order it opened (input/layer-stack.ts: Esc closes the top) */
  layers: readonly LayerId[];
  /** the keyboard cheat sheet is shown (hud/key-help.tsx loads the remembered choice) */
  keyHelp: boolean;
}

export interface GameActions
  extends
    ItemUiActions,
    CombatUiActions,
    WorldUiActions,
    ToastSliceActions,
    ChatSliceActions,
    PartySliceActions,
    TradeSliceActions {
  patch: (p: Partial<GameState>) => void;
  setMenuOpen: (open: boolean) => void;
  setNotificationsOpen: (open: boolean) => void;
  /** H / ? / its × or chip: show or hide the cheat sheet, remembered per browser */
  toggleKeyHelp: () => void;
}

export type GameStore = StoreApi<GameState & GameActions>;

export function createGameStore(): GameStore {
  const store = createStore<GameState & GameActions>()((set, get) => ({
    // the features' slices (store/slice.ts): their state and actions
    ...toastSlice(set, get),
    ...chatSlice(set, get),
    ...partySlice(set, get),
    ...tradeSlice(set, get),
    ...itemUiSlice(set, get),
    ...combatUiSlice(set, get),
    ...worldUiSlice(set, get),
    ...arenaUiSlice(set, get),
    ...bossUiSlice(set, get),
    status: 'connecting',
    pingMs: null,
    zone: null,
    self: null,
    visible: [],
    kicked: null,
    fatal: null,
    menuOpen: false,
    notificationsOpen: false,
    match: initialMatchUi(),
    layers: [],
    keyHelp: false,
    patch: (p) => set(p),
    setMenuOpen: (menuOpen) => set({ menuOpen }),
    setNotificationsOpen: (notificationsOpen) => set({ notificationsOpen }),
    toggleKeyHelp: () => {
      const keyHelp = !get().keyHelp;
      saveKeyHelp(keyHelp);
      set({ keyHelp });
    },
  }));
  // every change (an action or a plain setState from the client) restacks the open layers
  store.subscribe((s) => {
    const layers = restack(s.layers, openLayers(s));
    if (layers !== s.layers) store.setState({ layers });
  });
  return store;
}
