/** Types of the item/character UI state kept in the game store. */
import type { CharStatsMsg, PlayerReportReason } from '@necp/shared';
import type { DragPayload, ItemLocation } from '../items/drag';
import type { GroundCrate, GroundDrop, Reachable } from '../world/interaction';

/**
 * Windows toggled by hotkeys: I, C, B, J (quest log), R (reputation), T (metro travel),
 * O (friends), M (mailbox, at a mail terminal), G (guild), Y (achievements), daily reward,
 * K (the group finder: matchmaking queues), U (rankings: the leaderboards).
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
  | 'rankings';

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

/** A drop as the HUD lists it: plus whether this character may loot it now. */
export interface VisibleDrop extends GroundDrop {
  mine: boolean;
}

export interface ItemUiState {
  panels: Record<PanelId, boolean>;
  dialog: Dialog | null;
  contextMenu: ContextMenuState | null;
  tooltip: TooltipState | null;
  /** what is being dragged (dataTransfer cannot be read during dragover) */
  drag: DragPayload | null;
  drops: VisibleDrop[];
  crates: GroundCrate[];
  /** nearest drop/crate within pickup range */
  reach: Reachable | null;
  /** bank terminal within BANK_RANGE of the predicted position */
  bankNear: { id: string; name: string } | null;
  /** mail terminal within MAIL_RANGE of the predicted position */
  mailNear: { id: string; name: string } | null;
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
}
