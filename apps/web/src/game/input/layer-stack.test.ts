import { describe, expect, it } from 'vitest';
import { createGameStore } from '../store/game-store';
import {
  closeLayer,
  escapeStep,
  openLayers,
  restack,
  topLayer,
  type LayerFlags,
  type LayerId,
} from './layer-stack';

const calm = { typing: false, selfDead: false };

describe('the layer stack', () => {
  it('keeps the opening order: the newly opened go on top, closed ones leave', () => {
    let s: readonly LayerId[] = [];
    s = restack(s, ['inventory']);
    s = restack(s, ['inventory', 'notifications']);
    // a batch that opens together keeps openLayers' order, above what was there
    s = restack(s, ['character', 'inventory', 'notifications', 'quests']);
    expect(s).toEqual(['inventory', 'notifications', 'character', 'quests']);
    s = restack(s, ['character', 'quests']);
    expect(s).toEqual(['character', 'quests']);
  });

  it('returns the same array when nothing opened or closed (no store update)', () => {
    const s: readonly LayerId[] = ['inventory', 'menu'];
    expect(restack(s, ['menu', 'inventory'])).toBe(s);
  });

  it('reads every kind of layer from the store flags', () => {
    const flags: LayerFlags = {
      panels: { ...createGameStore().getState().panels, mail: true },
      notificationsOpen: true,
      dialogue: { contactId: 'regina' },
      vendorContactId: 'koji',
      menuOpen: true,
      contextMenu: {},
      playerMenu: {},
      dialog: {},
    };
    expect(openLayers(flags)).toEqual([
      'mail',
      'notifications',
      'dialogue',
      'vendor',
      'menu',
      'contextMenu',
      'playerMenu',
      'dialog',
    ]);
  });

  it('top-most: a dialog over menus over the game menu over windows, then the latest', () => {
    expect(topLayer([])).toBeNull();
    expect(topLayer(['inventory', 'notifications'])).toBe('notifications');
    expect(topLayer(['notifications', 'inventory'])).toBe('inventory');
    expect(topLayer(['menu', 'inventory'])).toBe('menu');
    expect(topLayer(['dialog', 'contextMenu', 'menu'])).toBe('dialog');
  });
});

describe('Esc', () => {
  it('closes the top-most layer, one per press; only with nothing open the target or menu', () => {
    expect(escapeStep(['inventory', 'notifications'], calm)).toEqual({
      kind: 'close',
      layer: 'notifications',
    });
    expect(escapeStep(['inventory'], calm)).toEqual({ kind: 'close', layer: 'inventory' });
    expect(escapeStep([], calm)).toEqual({ kind: 'target-or-menu' });
  });

  it('leaves a text field first, except in a modal dialog, which it cancels', () => {
    expect(escapeStep(['mail'], { ...calm, typing: true })).toEqual({ kind: 'blur' });
    expect(escapeStep([], { ...calm, typing: true })).toEqual({ kind: 'blur' });
    expect(escapeStep(['bank', 'dialog'], { ...calm, typing: true })).toEqual({
      kind: 'close',
      layer: 'dialog',
    });
  });

  it('never opens the game menu over the death screen, but still closes what is open', () => {
    expect(escapeStep([], { ...calm, selfDead: true })).toEqual({ kind: 'none' });
    expect(escapeStep(['inventory'], { ...calm, selfDead: true })).toEqual({
      kind: 'close',
      layer: 'inventory',
    });
  });
});

describe('the game store keeps the stack', () => {
  it('with the notification panel open, Esc closes it, not opens the game menu over it', () => {
    const store = createGameStore();
    const press = () => {
      const s = store.getState();
      const step = escapeStep(s.layers, calm);
      if (step.kind === 'close') closeLayer(s, step.layer);
      else if (step.kind === 'target-or-menu') s.setMenuOpen(true);
    };
    store.getState().setPanel('inventory', true);
    store.getState().setNotificationsOpen(true);
    // a plain setState (a test's or a preview's fixture) is stacked as well
    store.setState({ vendorContactId: 'koji' });
    expect(store.getState().layers).toEqual(['inventory', 'notifications', 'vendor']);
    press();
    expect(store.getState().vendorContactId).toBeNull();
    press();
    expect(store.getState().notificationsOpen).toBe(false);
    expect(store.getState().menuOpen).toBe(false);
    press();
    expect(store.getState().panels.inventory).toBe(false);
    expect(store.getState().layers).toEqual([]);
    press();
    expect(store.getState().menuOpen).toBe(true);
    expect(store.getState().layers).toEqual(['menu']);
    press();
    expect(store.getState().menuOpen).toBe(false);
  });
});
