/** The windows' and items' part of the game store: which window is open, dialogs, menus, drags, carried weight. */
import type { Slice } from '../store/slice';
import type { CharStatsMsg, PlayerReportReason } from '@necp/shared';
import type { DragPayload, ItemLocation } from './drag';

/**
 * Windows toggled by hotkeys: I, C, B, J (quest log), R (reputation), T (metro travel),
 * O (friends), M (mailbox, at a mail terminal), G (guild), Y (achievements), daily reward,
 * K (the group finder: matchmaking queues), U (rankings: the leaderboards), X (the Reef
 * Exchange, at an auction terminal), P (the contract board, anywhere).
 */
export type PanelId =
  | 'inventory'
  | 'character'
  | 'bank'
  | 'quests'
  | 'reputation'
  | 'travel'
  | 'daily'
  | 'friends'
  | 'mail'
  | 'guild'
  | 'achievements'
  | 'queue'
  | 'rankings'
  /** the auction house (X, at an auction terminal) */
  | 'auction'
  /** the workbench (V, at a crafting station) */
  | 'crafting'
  /** the contract board (P, anywhere) */
  | 'contracts';

/** In-game modal dialogs (never window.confirm/prompt: they freeze the game loop). */
export type Dialog =
  | {
      kind: 'confirm';
      title: string;
      message: string;
      confirmLabel: string;
      danger?: boolean;
      onConfirm: () => void;
    }
  | {
      kind: 'quantity';
      title: string;
      message?: string;
      min: number;
      max: number;
      initial: number;
      confirmLabel: string;
      onConfirm: (quantity: number) => void;
    }
  | {
      /** report a player: a reason and an optional note */
      kind: 'report';
      title: string;
      name: string;
      onConfirm: (reason: PlayerReportReason, note: string) => void;
    };

export interface ContextMenuState {
  /** viewport pixels */
  x: number;
  y: number;
  itemId: string;
  at: ItemLocation;
}

export interface TooltipState {
  itemId: string;
  at: ItemLocation;
  /** the hovered slot's viewport rectangle: the tooltip sits beside it */
  rect: { left: number; top: number; right: number; bottom: number };
}

export interface ItemUiState {
  panels: Record<PanelId, boolean>;
  dialog: Dialog | null;
  contextMenu: ContextMenuState | null;
  tooltip: TooltipState | null;
  /** what is being dragged (dataTransfer cannot be read during dragover) */
  drag: DragPayload | null;
  /** the sim's latest char:stats (speed, weight, carry limit) */
  charStats: CharStatsMsg | null;
}

export interface ItemUiActions {
  setPanel: (id: PanelId, open: boolean) => void;
  togglePanel: (id: PanelId) => void;
  setDialog: (d: Dialog | null) => void;
  setContextMenu: (m: ContextMenuState | null) => void;
  setTooltip: (t: TooltipState | null) => void;
  setDrag: (d: DragPayload | null) => void;
  /** char:stats from the sim */
  charStatsReceived: (s: CharStatsMsg) => void;
}

const ALL_CLOSED: Record<PanelId, boolean> = {
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
  auction: false,
  crafting: false,
  contracts: false,
};

export const itemUiSlice: Slice<ItemUiState & ItemUiActions> = (set, get) => ({
  panels: ALL_CLOSED,
  dialog: null,
  contextMenu: null,
  tooltip: null,
  drag: null,
  charStats: null,
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
  charStatsReceived: (charStats) => set({ charStats }),
});
