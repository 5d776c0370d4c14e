/**
 * The one stack of what is open over the map — windows, the notification panel, the
 * conversation and the shop, the item and player menus, the game menu, a modal
 * dialog — and the one Esc rule over it: Esc closes the top-most layer, one per
 * press; only with nothing open does it clear the target, then open the game menu.
 *
 * Whether a layer is open stays where it always was (the store's flags); this
 * module derives the list of open layers from them and keeps it in the order they
 * opened (the game store restacks after every change, game-store.ts). "Top-most" is
 * the highest tier first (a dialog over a menu over the game menu over windows, as
 * the CSS stacks them), then the latest opened. Pure.
 */
import type { PanelId } from '../items/item-ui-slice';

export type LayerId =
  | PanelId
  | 'notifications'
  | 'dialogue'
  | 'vendor'
  | 'menu'
  | 'contextMenu'
  | 'playerMenu'
  | 'dialog';

/** The flags of the game store a layer is read from. */
export interface LayerFlags {
  panels: Record<PanelId, boolean>;
  notificationsOpen: boolean;
  dialogue: unknown;
  vendorContactId: string | null;
  menuOpen: boolean;
  contextMenu: unknown;
  playerMenu: unknown;
  dialog: unknown;
}

/** Higher covers lower; within a tier the latest opened is on top. */
const TIER: Record<LayerId, number> = {
  inventory: 0,
  character: 0,
  bank: 0,
  quests: 0,
  reputation: 0,
  travel: 0,
  daily: 0,
  friends: 0,
  mail: 0,
  guild: 0,
  achievements: 0,
  queue: 0,
  rankings: 0,
  auction: 0,
  crafting: 0,
  contracts: 0,
  notifications: 0,
  dialogue: 0,
  vendor: 0,
  menu: 1,
  contextMenu: 2,
  playerMenu: 2,
  dialog: 3,
};

/** Every open layer, in a fixed order (the order of a batch that opens together). */
export function openLayers(s: LayerFlags): LayerId[] {
  const out: LayerId[] = [];
  for (const [id, open] of Object.entries(s.panels) as [PanelId, boolean][]) if (open) out.push(id);
  if (s.notificationsOpen) out.push('notifications');
  if (s.dialogue) out.push('dialogue');
  if (s.vendorContactId) out.push('vendor');
  if (s.menuOpen) out.push('menu');
  if (s.contextMenu) out.push('contextMenu');
  if (s.playerMenu) out.push('playerMenu');
  if (s.dialog) out.push('dialog');
  return out;
}

/**
 * The stack after a change: the layers still open keep their order, the newly
 * opened go on top. Returns `prev` itself when nothing changed (no store update).
 */
export function restack(prev: readonly LayerId[], open: readonly LayerId[]): readonly LayerId[] {
  const isOpen = new Set(open);
  const kept = prev.filter((id) => isOpen.has(id));
  const had = new Set(kept);
  const next = [...kept, ...open.filter((id) => !had.has(id))];
  return next.length === prev.length && next.every((id, i) => id === prev[i]) ? prev : next;
}

/** The layer Esc closes: the highest tier, the latest opened in it; null with nothing open. */
export function topLayer(stack: readonly LayerId[]): LayerId | null {
  let top: LayerId | null = null;
  for (const id of stack) if (top === null || TIER[id] >= TIER[top]) top = id;
  return top;
}

export type EscapeStep =
  /** close this layer */
  | { kind: 'close'; layer: LayerId }
  /** a text field has the focus (outside a modal dialog): leave it, close nothing */
  | { kind: 'blur' }
  /** nothing open: clear the target, or else open the game menu */
  | { kind: 'target-or-menu' }
  | { kind: 'none' };

/**
 * What one Esc press does. A text field keeps the first Esc (leaving it: the next
 * closes its window) except in a modal dialog, which Esc cancels. While dead Esc
 * never opens the game menu: it would cover the Respawn button.
 */
export function escapeStep(
  stack: readonly LayerId[],
  at: { typing: boolean; selfDead: boolean },
): EscapeStep {
  const top = topLayer(stack);
  if (at.typing && top !== 'dialog') return { kind: 'blur' };
  if (top) return { kind: 'close', layer: top };
  return at.selfDead ? { kind: 'none' } : { kind: 'target-or-menu' };
}

/** The store actions that close each kind of layer. */
export interface LayerClosers {
  setPanel: (id: PanelId, open: boolean) => void;
  setNotificationsOpen: (open: boolean) => void;
  closeDialogue: () => void;
  closeVendor: () => void;
  setMenuOpen: (open: boolean) => void;
  setContextMenu: (m: null) => void;
  setPlayerMenu: (m: null) => void;
  setDialog: (d: null) => void;
}

export function closeLayer(s: LayerClosers, id: LayerId): void {
  switch (id) {
    case 'notifications':
      return s.setNotificationsOpen(false);
    case 'dialogue':
      return s.closeDialogue();
    case 'vendor':
      return s.closeVendor();
    case 'menu':
      return s.setMenuOpen(false);
    case 'contextMenu':
      return s.setContextMenu(null);
    case 'playerMenu':
      return s.setPlayerMenu(null);
    case 'dialog':
      return s.setDialog(null);
    default:
      return s.setPanel(id, false);
  }
}
