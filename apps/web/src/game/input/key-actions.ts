/**
 * What the context keys do right now, as pure functions of the HUD state (the
 * hotkey hook runs the answer). E is "use the thing in front of you": a contact
 * beats the metro, the metro beats the bank terminal, the bank the mail terminal,
 * anything else is F's job.
 * Esc peels the topmost layer off the screen, one per press.
 */
import type { PanelId } from '../store/ui-types';

export type ContextKeyAction = 'talk' | 'metro' | 'bank' | 'mail' | 'interact';

export interface ContextKeyState {
  contactNear: { id: string } | null;
  stationNear: { id: string } | null;
  bankNear: { id: string } | null;
  /** optional: callers that predate the mailbox leave it out */
  mailNear?: { id: string } | null;
  panels: Pick<Record<PanelId, boolean>, 'bank'> & { mail?: boolean };
}

export function contextKeyAction(s: ContextKeyState): ContextKeyAction {
  if (s.contactNear) return 'talk';
  if (s.stationNear) return 'metro';
  if (s.bankNear && !s.panels.bank) return 'bank';
  if (s.mailNear && !s.panels.mail) return 'mail';
  return 'interact';
}

export type EscapeAction =
  'dialog' | 'contextMenu' | 'dialogue' | 'vendor' | 'panels' | 'target' | 'menu' | 'none';

export interface EscapeState {
  dialog: unknown;
  contextMenu: unknown;
  dialogue: unknown;
  vendorContactId: string | null;
  menuOpen: boolean;
  panels: Record<string, boolean>;
  /** flatlined: the death screen (and its Respawn button) owns the screen */
  selfDead?: boolean;
}

/**
 * Esc: a modal, a context menu, the conversation, the shop, open windows — then
 * 'target' (the caller clears the target, or opens the game menu when there is
 * none). With the game menu open, Esc closes it before anything underneath.
 * While dead Esc never opens the menu: it would cover the Respawn button.
 */
export function escapeAction(s: EscapeState): EscapeAction {
  if (s.dialog) return 'dialog';
  if (s.contextMenu) return 'contextMenu';
  if (s.menuOpen) return 'menu';
  if (s.selfDead) return 'none';
  if (s.dialogue) return 'dialogue';
  if (s.vendorContactId) return 'vendor';
  if (Object.values(s.panels).some(Boolean)) return 'panels';
  return 'target';
}
