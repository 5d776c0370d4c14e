/**
 * UI-facing game state (zustand). The simulation itself (positions every frame)
 * lives in plain objects inside GameClient; this store only gets what React
 * renders: connection, HUD values (published ~10×/s), overlays and toasts.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  ChatMessage,
  KickMsg,
  LootAssignStartMsg,
  LootRollStartMsg,
  PartyInvitedMsg,
  PartyViewMsg,
} from '@necp/shared';
import {
  addNotice,
  initialChatLog,
  markReported,
  receiveMessages,
  selectTab,
  setOpen,
  type ChatLogState,
  type ChatTab,
} from '../chat/chat-log';
import {
  addAssign,
  addInvite,
  addRoll,
  dropLootCard,
  applyPartyUpdate,
  applyPartyVitals,
  initialPartyState,
  removeInvite,
  type PartyState,
} from '../party/party-state';
import { initialCombatUi, type CombatUiActions, type CombatUiState } from './combat-types';
import { initialMatchUi, type MatchUiState } from '../matchmaking/queue-view';
import type { ItemUiActions, ItemUiState } from './ui-types';
import { initialWorldUi, type WorldUiActions, type WorldUiState } from './world-ui-types';
import { initialArenaUi, type ArenaUiState } from './arena-types';
import { initialBossUi, type BossUiState } from './boss-types';
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

export type ToastKind = 'info' | 'success' | 'warn' | 'error';
export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
  /** an item named after the text, drawn in its rarity colour ("Picked up <Kiroshi Optics> ×2") */
  item?: ToastItem;
}
export interface ToastItem {
  name: string;
  rarity: string;
  quantity?: number;
}

/** Something that ends the session until the player acts (not a kick). */
export interface FatalError {
  title: string;
  message: string;
  /** offer "try again" (false when retrying cannot help, e.g. deleted character) */
  retry: boolean;
  signIn?: boolean;
}

export interface GameState
  extends ItemUiState, CombatUiState, WorldUiState, ArenaUiState, BossUiState {
  status: ConnectionStatus;
  pingMs: number | null;
  zone: { id: string; name: string } | null;
  self: HudSelf | null;
  visible: VisibleEntity[];
  kicked: KickMsg | null;
  fatal: FatalError | null;
  menuOpen: boolean;
  toasts: Toast[];
  /** the chat window (chat/chat-log.ts) */
  chat: ChatLogState;
  /** bumped by Enter: the chat window focuses its input */
  chatFocusRequest: number;
  /** what that request puts in the input first ("/w Name " from the friends window); null: as it is */
  chatDraft: string | null;
  /** the party, its members' vitals and invitations waiting (party/party-state.ts) */
  party: PartyState;
  /** the right-click menu of a player on the map (or a party frame) */
  playerMenu: PlayerMenuState | null;
  /** the notification bell's list is open (N) */
  notificationsOpen: boolean;
  /** shift-click on an item: the chat input gets its [Name] (n counts requests) */
  chatLinkRequest: { itemId: string; name: string; n: number } | null;
  /** matchmaking: the queue, the ready check, the match, a penalty (matchmaking/queue-view.ts) */
  match: MatchUiState;
  /** what is open over the map, in the order it opened (input/layer-stack.ts: Esc closes the top) */
  layers: readonly LayerId[];
  /** the keyboard cheat sheet is shown (hud/key-help.tsx loads the remembered choice) */
  keyHelp: boolean;
}

export interface GameActions extends ItemUiActions, CombatUiActions, WorldUiActions {
  patch: (p: Partial<GameState>) => void;
  toast: (kind: ToastKind, text: string, item?: ToastItem) => void;
  dismissToast: (id: number) => void;
  /**
   * The toast is on screen now: its dismissal timer starts (once). A toast that waits
   * hidden for room (toasts.tsx) keeps its time, so it is never dismissed unseen.
   */
  toastShown: (id: number) => void;
  setMenuOpen: (open: boolean) => void;
  /** chat:message / chat:history from the sim (`selfId`: whose own lines are not unread) */
  chatReceive: (
    messages: readonly ChatMessage[],
    opts: { selfId: string; history?: boolean },
  ) => void;
  /** a line of this client in the chat window: a refusal (red) or information */
  chatNotice: (kind: 'error' | 'info', text: string) => void;
  chatSelectTab: (tab: ChatTab) => void;
  chatSetOpen: (open: boolean) => void;
  chatReported: (messageId: string) => void;
  /** Enter: open the chat window and put the cursor in its input (after `draft`, when given) */
  focusChat: (draft?: string) => void;
  partyUpdate: (party: PartyViewMsg | null) => void;
  partyVitals: (msg: unknown) => void;
  partyInvited: (invite: PartyInvitedMsg) => void;
  partyInviteDone: (inviteId: string) => void;
  lootRollStart: (msg: LootRollStartMsg) => void;
  lootAssignStart: (msg: LootAssignStartMsg) => void;
  lootCardDone: (dropId: string) => void;
  setPlayerMenu: (menu: PlayerMenuState | null) => void;
  setNotificationsOpen: (open: boolean) => void;
  /** shift-click on an item: link it in the chat input */
  linkItemInChat: (itemId: string, name: string) => void;
  /** H / ? / its × or chip: show or hide the cheat sheet, remembered per browser */
  toggleKeyHelp: () => void;
}

/** Who the player menu is for, and where it opened (viewport pixels). */
export interface PlayerMenuState {
  x: number;
  y: number;
  name: string;
  /** known when opened from a party frame: kick and promote need it */
  memberId?: string;
}

export type GameStore = StoreApi<GameState & GameActions>;

const TOAST_MS = 5000;
const MAX_TOASTS = 4;

export function createGameStore(): GameStore {
  let nextToastId = 1;
  let nextNoticeId = 1;
  /** toasts whose dismissal timer runs */
  const timed = new Set<number>();
  const store = createStore<GameState & GameActions>()((set, get) => ({
    status: 'connecting',
    pingMs: null,
    zone: null,
    self: null,
    visible: [],
    kicked: null,
    fatal: null,
    menuOpen: false,
    toasts: [],
    chat: initialChatLog(),
    chatFocusRequest: 0,
    chatDraft: null,
    party: initialPartyState(),
    playerMenu: null,
    notificationsOpen: false,
    chatLinkRequest: null,
    match: initialMatchUi(),
    layers: [],
    keyHelp: false,
    panels: {
      inventory: false,
      character: false,
      bank: false,
      quests: false,
      reputation: false,
      travel: false,
      daily: false,
      friends: false,
      mail: false,
      guild: false,
      achievements: false,
      queue: false,
      rankings: false,
    },
    dialog: null,
    contextMenu: null,
    tooltip: null,
    drag: null,
    drops: [],
    crates: [],
    reach: null,
    bankNear: null,
    mailNear: null,
    charStats: null,
    ...initialCombatUi(),
    ...initialWorldUi(),
    ...initialArenaUi(),
    ...initialBossUi(),
    patch: (p) => set(p),
    toast: (kind, text, item) => {
      const id = nextToastId++;
      const toasts = [...get().toasts, { id, kind, text, item }];
      // the oldest give way to new ones beyond the cap, shown or not
      for (const t of toasts.slice(0, -MAX_TOASTS)) timed.delete(t.id);
      set({ toasts: toasts.slice(-MAX_TOASTS) });
    },
    dismissToast: (id) => {
      timed.delete(id);
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
    toastShown: (id) => {
      if (timed.has(id) || !get().toasts.some((t) => t.id === id)) return;
      timed.add(id);
      setTimeout(() => get().dismissToast(id), TOAST_MS);
    },
    setMenuOpen: (menuOpen) => set({ menuOpen }),
    chatReceive: (messages, opts) => set({ chat: receiveMessages(get().chat, messages, opts) }),
    chatNotice: (kind, text) =>
      set({
        chat: addNotice(get().chat, { id: `local-${nextNoticeId++}`, kind, text, at: Date.now() }),
      }),
    chatSelectTab: (tab) => set({ chat: selectTab(get().chat, tab) }),
    chatSetOpen: (open) => set({ chat: setOpen(get().chat, open) }),
    chatReported: (id) => set({ chat: markReported(get().chat, id) }),
    focusChat: (draft) =>
      set({
        chat: setOpen(get().chat, true),
        chatFocusRequest: get().chatFocusRequest + 1,
        chatDraft: draft ?? null,
      }),
    partyUpdate: (party) => set({ party: applyPartyUpdate(get().party, party) }),
    partyVitals: (msg) => set({ party: applyPartyVitals(get().party, msg, Date.now()) }),
    partyInvited: (invite) => set({ party: addInvite(get().party, invite) }),
    partyInviteDone: (inviteId) => set({ party: removeInvite(get().party, inviteId) }),
    lootRollStart: (msg) => set({ party: addRoll(get().party, msg) }),
    lootAssignStart: (msg) => set({ party: addAssign(get().party, msg) }),
    lootCardDone: (dropId) => set({ party: dropLootCard(get().party, dropId) }),
    setPlayerMenu: (playerMenu) => set({ playerMenu }),
    setNotificationsOpen: (notificationsOpen) => set({ notificationsOpen }),
    linkItemInChat: (itemId, name) =>
      set({
        chat: setOpen(get().chat, true),
        chatLinkRequest: { itemId, name, n: (get().chatLinkRequest?.n ?? 0) + 1 },
      }),
    setPanel: (id, open) =>
      set({
        panels: { ...get().panels, [id]: open },
        // a closing panel takes its floating bits with it
        ...(open ? {} : { tooltip: null, contextMenu: null }),
      }),
    togglePanel: (id) => get().setPanel(id, !get().panels[id]),
    setDialog: (dialog) => set({ dialog, contextMenu: null }),
    setContextMenu: (contextMenu) => set({ contextMenu, tooltip: null }),
    setTooltip: (tooltip) => set({ tooltip }),
    setDrag: (drag) => set({ drag, tooltip: null, contextMenu: null }),
    toggleCombatLog: () => set({ combatLogOpen: !get().combatLogOpen }),
    // one conversation or shop at a time: opening one closes the other
    openDialogue: (contactId) => set({ dialogue: { contactId }, vendorContactId: null }),
    closeDialogue: () => set({ dialogue: null }),
    openVendor: (contactId) => set({ vendorContactId: contactId, dialogue: null }),
    closeVendor: () => set({ vendorContactId: null }),
    setQuestMarkers: (questMarkers) => set({ questMarkers }),
    toggleKeyHelp: () => {
      const keyHelp = !get().keyHelp;
      saveKeyHelp(keyHelp);
      set({ keyHelp });
    },
    setGuide: (guide) => set({ guide }),
  }));
  // every change (an action or a plain setState from the client) restacks the open layers
  store.subscribe((s) => {
    const layers = restack(s.layers, openLayers(s));
    if (layers !== s.layers) store.setState({ layers });
  });
  return store;
}
