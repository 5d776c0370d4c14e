/**
 * What the context keys do right now, as pure functions of the HUD state (the
 * hotkey hook runs the answer). E is "use the thing in front of you": a contact
 * beats the metro, the metro beats the bank terminal, the bank the mail terminal, the
 * mail the auction terminal, that the workbench, anything else is F's job. (Esc: input/layer-stack.ts.)
 */
import type { PanelId } from '../items/item-ui-slice';
import { bindingOf, windowKey } from './key-bindings';

export type ContextKeyAction =
  'talk' | 'metro' | 'bank' | 'mail' | 'auction' | 'crafting' | 'interact';

export interface ContextKeyState {
  contactNear: { id: string } | null;
  stationNear: { id: string } | null;
  bankNear: { id: string } | null;
  /** optional: callers that predate the mailbox leave it out */
  mailNear?: { id: string } | null;
  auctionNear?: { id: string } | null;
  craftNear?: { id: string } | null;
  panels: Pick<Record<PanelId, boolean>, 'bank'> & {
    mail?: boolean;
    auction?: boolean;
    crafting?: boolean;
  };
}

export function contextKeyAction(s: ContextKeyState): ContextKeyAction {
  if (s.contactNear) return 'talk';
  if (s.stationNear) return 'metro';
  if (s.bankNear && !s.panels.bank) return 'bank';
  if (s.mailNear && !s.panels.mail) return 'mail';
  if (s.auctionNear && !s.panels.auction) return 'auction';
  if (s.craftNear && !s.panels.crafting) return 'crafting';
  return 'interact';
}

/** A row of the interaction hint: what it offers. */
export type HintRow = 'pickup' | 'talk' | 'metro' | 'bank' | 'mail' | 'auction' | 'crafting';

/** The touch "use" button's face for each context action (hud/touch/touch-controls.tsx). */
export const CONTEXT_LABEL: Record<ContextKeyAction, string> = {
  talk: 'Talk',
  metro: 'Metro',
  bank: 'Bank',
  mail: 'Mail',
  auction: 'Trade',
  crafting: 'Craft',
  interact: 'Use',
};

const ROW_ACTION: Record<HintRow, ContextKeyAction> = {
  pickup: 'interact',
  talk: 'talk',
  metro: 'metro',
  bank: 'bank',
  mail: 'mail',
  auction: 'auction',
  crafting: 'crafting',
};
/** A row's own key, as the key table (key-bindings.ts) prints it. */
const ROW_KEY: Record<HintRow, string | undefined> = {
  pickup: bindingOf('pickup').faces[0],
  talk: bindingOf('use').faces[0],
  metro: windowKey('travel')?.face,
  bank: windowKey('bank')?.face,
  mail: windowKey('mail')?.face,
  auction: windowKey('auction')?.face,
  crafting: windowKey('crafting')?.face,
};

/**
 * What the hint names for a row. On a keyboard: E when E does it (the context key),
 * else the row's own key. On touch there are no keys: the use button, by its face,
 * when it does this row ("Tap TALK"), else the row itself ("Tap": it is a button).
 */
export function hintControl(
  row: HintRow,
  e: ContextKeyAction,
  touch: boolean,
): { tap: boolean; label: string | null } {
  const byUse = ROW_ACTION[row] === e;
  if (touch) return { tap: true, label: byUse ? CONTEXT_LABEL[e].toUpperCase() : null };
  return { tap: false, label: (byUse && row !== 'pickup' ? ROW_KEY.talk : ROW_KEY[row]) ?? null };
}
