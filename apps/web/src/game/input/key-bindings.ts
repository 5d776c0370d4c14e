/**
 * Every key of the game, one binding a line: its physical keys (KeyboardEvent.code, so
 * WASD works on AZERTY and Dvorak too), what it does, its word, its context and whether
 * the key card shows it. The dispatchers read this table — held movement
 * (input/keyboard.ts), the hotkeys (hud/use-hotkeys.ts), a conversation's choices
 * (dialogue/use-dialogue-keys.ts) — and the key card (hud/key-help.tsx), a window's
 * button (hud/window-table.tsx) and title (`windowFace`, each window's GameWindow), the
 * ability bar (`ABILITY_FACES`) and the interaction hint (key-actions.ts) write the keys
 * from it, so nothing names a key by hand. A new binding is a line here and, for a new
 * action, its handler in its context's dispatcher (a Record: the compiler asks).
 *
 * Contexts — when a binding's keys are live:
 * - `world`: the world has the keyboard: no form control focused (a text field, slider,
 *   list … keeps its keys), no Ctrl/Alt/Meta, no game menu or modal dialog open, no
 *   auto-repeat (movement is held, and sampled each frame); a window's own key is one.
 * - `window`: what is open over the world — Esc closes the top-most (input/layer-stack.ts),
 *   from a text field, a menu or a dialog too.
 * - `dialogue`: while a conversation shows its choices, ahead of the world's keys (its
 *   1–9 pick a choice rather than an ability).
 * Pure data: no React, no store.
 */
import type { PanelId } from '../items/item-ui-slice';

export type KeyContext = 'world' | 'window' | 'dialogue';

/** The game's windows (hud/window-table.tsx): the store's panels and the combat log. */
export type WindowId = PanelId | 'combatLog';

/** What a binding does; a key's argument is its place in `keys` (the n-th slot, choice, direction). */
export type KeyAction =
  /** held: up, left, down, right (MOVE_DIRECTIONS) */
  | 'move'
  | 'target'
  /** the n-th ability slot */
  | 'ability'
  /** E: use what is in front of you (input/key-actions.ts) */
  | 'use'
  | 'pickup'
  | 'window'
  | 'notifications'
  | 'chat'
  | 'escape'
  | 'keyHelp'
  /** the n-th choice of a conversation */
  | 'choice';

interface BindingBase {
  /** KeyboardEvent.code of each key (Esc: its meaning, `key`; hud/use-hotkeys.ts) */
  keys: readonly string[];
  /** the keys as the card and the buttons print them */
  faces: readonly string[];
  /** the card prints the first and last face as a range (1–6) */
  range?: true;
  /** its word, on the key card */
  label: string;
  context: KeyContext;
  /** the key card lists it */
  card: boolean;
}

export type KeyBinding =
  | (BindingBase & { action: Exclude<KeyAction, 'window'> })
  | (BindingBase & { action: 'window'; window: WindowId });

/** `move`'s keys in order: up, left, down, right (y grows downwards). */
export const MOVE_DIRECTIONS: readonly (readonly [number, number])[] = [
  [0, -1],
  [-1, 0],
  [0, 1],
  [1, 0],
];

const digits = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** A window's own key: a letter, toggling it from the world. */
const win = (id: WindowId, letter: string, label: string, card: boolean): KeyBinding => ({
  action: 'window',
  window: id,
  keys: [`Key${letter}`],
  faces: [letter],
  label,
  context: 'world',
  card,
});

/** In the key card's order. */
export const KEY_BINDINGS: readonly KeyBinding[] = [
  {
    action: 'move',
    keys: ['KeyW', 'KeyA', 'KeyS', 'KeyD'],
    faces: ['W', 'A', 'S', 'D'],
    label: 'move',
    context: 'world',
    card: true,
  },
  {
    action: 'move',
    keys: ['ArrowUp', 'ArrowLeft', 'ArrowDown', 'ArrowRight'],
    faces: ['↑', '←', '↓', '→'],
    label: 'move',
    context: 'world',
    card: false,
  },
  {
    action: 'target',
    keys: ['Tab'],
    faces: ['Tab'],
    label: 'target',
    context: 'world',
    card: true,
  },
  {
    action: 'ability',
    keys: digits('Digit', 6),
    faces: digits('', 6),
    range: true,
    label: 'abilities',
    context: 'world',
    card: true,
  },
  {
    action: 'use',
    keys: ['KeyE'],
    faces: ['E'],
    label: 'talk / use',
    context: 'world',
    card: true,
  },
  { action: 'pickup', keys: ['KeyF'], faces: ['F'], label: 'loot', context: 'world', card: true },
  // the windows, in the action bar's order; a window with a button of its own (it shows
  // the key) or a terminal's hint naming the key stays off the card
  win('inventory', 'I', 'inventory', false),
  win('character', 'C', 'character', false),
  win('quests', 'J', 'quests', true),
  win('reputation', 'R', 'rep', true),
  win('friends', 'O', 'friends', true),
  win('guild', 'G', 'guild', true),
  win('achievements', 'Y', 'achievements', true),
  win('rankings', 'U', 'rankings', true),
  win('queue', 'K', 'group finder', true),
  win('contracts', 'P', 'contracts', true),
  win('bank', 'B', 'bank', false),
  win('mail', 'M', 'mail', true),
  win('combatLog', 'L', 'log', true),
  win('auction', 'X', 'exchange', false),
  win('crafting', 'V', 'workbench', false),
  win('travel', 'T', 'metro', true),
  {
    action: 'notifications',
    keys: ['KeyN'],
    faces: ['N'],
    label: 'alerts',
    context: 'world',
    card: true,
  },
  {
    action: 'chat',
    keys: ['Enter', 'NumpadEnter'],
    faces: ['Enter'],
    label: 'chat',
    context: 'world',
    card: true,
  },
  {
    action: 'escape',
    keys: ['Escape'],
    faces: ['Esc'],
    label: 'menu',
    context: 'window',
    card: true,
  },
  {
    action: 'keyHelp',
    keys: ['KeyH', 'Slash'], // Slash: '?'
    faces: ['H'],
    label: 'hide keys',
    context: 'world',
    card: true,
  },
  {
    action: 'choice',
    keys: digits('Digit', 9),
    faces: digits('', 9),
    range: true,
    label: 'choose',
    context: 'dialogue',
    card: false,
  },
  {
    action: 'choice',
    keys: digits('Numpad', 9),
    faces: digits('', 9),
    range: true,
    label: 'choose',
    context: 'dialogue',
    card: false,
  },
];

/** A pressed key's binding in a context, and its argument (its place in the binding's keys). */
export interface KeyHit {
  binding: KeyBinding;
  index: number;
}

const byContext = new Map<KeyContext, Map<string, KeyHit>>();
for (const binding of KEY_BINDINGS) {
  const codes = byContext.get(binding.context) ?? new Map<string, KeyHit>();
  byContext.set(binding.context, codes);
  binding.keys.forEach((code, index) => codes.set(code, { binding, index }));
}

/** The binding a key (KeyboardEvent.code) has in a context; null: none. */
export function keyHit(context: KeyContext, code: string): KeyHit | null {
  return byContext.get(context)?.get(code) ?? null;
}

/** The card's bindings, in order. */
export const CARD_BINDINGS: readonly KeyBinding[] = KEY_BINDINGS.filter((b) => b.card);

/** The first binding of an action (the face the game prints for it). */
export function bindingOf(action: Exclude<KeyAction, 'window'>): KeyBinding {
  const b = KEY_BINDINGS.find((x) => x.action === action);
  if (!b) throw new Error(`no key for ${action}`);
  return b;
}

/** A window's own key (code and face); none: it has no key (the daily reward). */
export function windowKey(id: WindowId): { code: string; face: string } | undefined {
  const b = KEY_BINDINGS.find((x) => x.action === 'window' && x.window === id);
  return b && { code: b.keys[0]!, face: b.faces[0]! };
}

/** The face the game prints for an action's key: `keyFace('escape')` is Esc. */
export function keyFace(action: Exclude<KeyAction, 'window'>): string {
  return bindingOf(action).faces[0]!;
}

/** What a window's title prints as its key: its own (I), else Esc, which closes any window. */
export function windowFace(id: WindowId): string {
  return windowKey(id)?.face ?? keyFace('escape');
}

/** The ability slots' keys as the bar prints them, slot by slot (1–6). */
export const ABILITY_FACES: readonly string[] = bindingOf('ability').faces;
