// @vitest-environment happy-dom
/**
 * The choice keys in a real React tree (happy-dom): a key pressed in the same commit
 * that shows the choices — before React's passive effects run, as a browser under load
 * delivers it — picks from those choices (vendor.spec once pressed "1" into the render
 * before, which had none, and the shop never opened).
 */
import { act, createElement, useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { GameStoreContext } from '../hud/store-context';
import { useDialogueKeys } from './use-dialogue-keys';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const press = (code: string) =>
  window.dispatchEvent(new KeyboardEvent('keydown', { code, bubbles: true, cancelable: true }));

/** Shows `choices`; presses `key` from a layout effect of the commit that shows them. */
function Conversation(p: { choices: string[]; key1?: string; picked: (c?: string) => void }) {
  useDialogueKeys((i) => p.picked(p.choices[i]));
  useLayoutEffect(() => {
    if (p.key1) press(p.key1);
  }, [p.key1]);
  return null;
}

describe('the choice keys in a React tree', () => {
  let root: Root;
  let picked: (string | undefined)[];
  // the keys read only that no modal or menu owns the keyboard
  const store = createStore(() => ({ dialog: null, menuOpen: false, kicked: null, fatal: null }));
  const render = (choices: string[], key1?: string) =>
    act(() =>
      root.render(
        createElement(
          GameStoreContext.Provider,
          { value: store as never },
          createElement(Conversation, { choices, key1, picked: (c) => picked.push(c) }),
        ),
      ),
    );

  beforeEach(() => {
    picked = [];
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => act(() => root.unmount()));

  it('picks from the choices of the commit that showed them, not the render before', async () => {
    await render([]);
    await render(['trade', 'later'], 'Digit1');
    expect(picked).toEqual(['trade']);
    await act(async () => press('Digit2'));
    expect(picked).toEqual(['trade', 'later']);
  });

  it('listens from the first commit: a key pressed as the window appears is the window’s', async () => {
    await render(['trade'], 'Digit1');
    expect(picked).toEqual(['trade']);
  });

  it('leaves other keys alone, and stops listening once the window is gone', async () => {
    await render(['trade']);
    const passed = new KeyboardEvent('keydown', { code: 'KeyE', cancelable: true });
    window.dispatchEvent(passed);
    expect(passed.defaultPrevented).toBe(false);
    await act(async () => root.unmount());
    root = createRoot(document.createElement('div'));
    press('Digit1');
    expect(picked).toEqual([]);
  });
});
