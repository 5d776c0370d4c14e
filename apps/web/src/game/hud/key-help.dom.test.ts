// @vitest-environment happy-dom
/**
 * The key card is the key table's (input/key-bindings.ts): every binding marked for the
 * card is a line of it, in the table's order, and nothing else is — a binding added to
 * the table shows by itself.
 */
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { CARD_BINDINGS, KEY_BINDINGS, type KeyBinding } from '../input/key-bindings';
import { createGameStore } from '../store/game-store';
import { KeyCardLines, KeyHelp } from './key-help';
import { KEY_HELP_KEY } from './key-help-pref';
import { GameStoreContext } from './store-context';
import { reactRootPerTest } from '../testing/react-root';

/** How the card writes a binding: its keys, then its word. */
const line = (b: KeyBinding) =>
  `${b.range ? `${b.faces[0]}–${b.faces.at(-1)}` : b.faces.join('')} ${b.label}`;

/** The card's text, one entry per line of it (the dots between them). */
const entries = (el: Element) =>
  (el.textContent ?? '')
    .replace('×', '')
    .split('·')
    .map((t) => t.replace(/\s+/g, ' ').trim());

describe('the key card', () => {
  const t = reactRootPerTest();

  it('lists every binding marked for the card, in the table’s order, and no other', async () => {
    localStorage.setItem(KEY_HELP_KEY, 'shown');
    const store = createGameStore();
    await act(async () =>
      t.root.render(
        createElement(GameStoreContext.Provider, { value: store }, createElement(KeyHelp)),
      ),
    );
    const card = t.host.querySelector('[data-testid="hud-help"]')!;
    expect(card).not.toBeNull();
    expect(entries(card)).toEqual(CARD_BINDINGS.map(line));
    // what the hand-written card once left off, and a window's key with its word
    expect(entries(card)).toContain('N alerts');
    expect(entries(card)).toContain('U rankings');
    expect(entries(card)).toContain('Y achievements');
    // off the card: their buttons or the terminals' hints name them
    for (const b of KEY_BINDINGS.filter((x) => !x.card))
      expect(entries(card)).not.toContain(line(b));
    // a window's key stays on one line with its word
    expect([...card.querySelectorAll('.hud__help-key')].map((s) => s.textContent)).toEqual(
      CARD_BINDINGS.filter((b) => b.action === 'window').map(line),
    );
  });

  it('shows a binding added to the table without a word of its own', async () => {
    const added: KeyBinding = {
      action: 'pickup',
      keys: ['KeyQ'],
      faces: ['Q'],
      label: 'something new',
      context: 'world',
      card: true,
    };
    await act(async () =>
      t.root.render(createElement(KeyCardLines, { bindings: [...CARD_BINDINGS, added] })),
    );
    expect(entries(t.host).at(-1)).toBe('Q something new');
    expect(entries(t.host)).toHaveLength(CARD_BINDINGS.length + 1);
  });

  it('names its own key on the chip when hidden', async () => {
    localStorage.setItem(KEY_HELP_KEY, 'hidden');
    const store = createGameStore();
    await act(async () =>
      t.root.render(
        createElement(GameStoreContext.Provider, { value: store }, createElement(KeyHelp)),
      ),
    );
    expect(t.host.querySelector('[data-testid="hud-help-show"]')?.getAttribute('title')).toBe(
      'Show the keys (H)',
    );
  });
});
