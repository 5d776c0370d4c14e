import { describe, expect, it } from 'vitest';
import { contextKeyAction, escapeAction, type EscapeState } from './key-actions';

const near = { id: 'x' };

describe('contextKeyAction (E)', () => {
  const none = { contactNear: null, stationNear: null, bankNear: null, panels: { bank: false } };
  it('talks first, then the metro, then the bank, else picks up', () => {
    expect(
      contextKeyAction({ ...none, contactNear: near, stationNear: near, bankNear: near }),
    ).toBe('talk');
    expect(contextKeyAction({ ...none, stationNear: near, bankNear: near })).toBe('metro');
    expect(contextKeyAction({ ...none, bankNear: near })).toBe('bank');
    expect(contextKeyAction(none)).toBe('interact');
  });
  it('leaves an open bank to F (E then picks up beside the terminal)', () => {
    expect(contextKeyAction({ ...none, bankNear: near, panels: { bank: true } })).toBe('interact');
  });
  it('opens the mailbox at a mail terminal, after the bank; an open mailbox is F again', () => {
    expect(contextKeyAction({ ...none, mailNear: near })).toBe('mail');
    expect(contextKeyAction({ ...none, bankNear: near, mailNear: near })).toBe('bank');
    expect(contextKeyAction({ ...none, mailNear: near, panels: { bank: false, mail: true } })).toBe(
      'interact',
    );
  });
});

describe('escapeAction', () => {
  const calm: EscapeState = {
    dialog: null,
    contextMenu: null,
    dialogue: null,
    vendorContactId: null,
    menuOpen: false,
    panels: { inventory: false, quests: false },
  };
  it('peels one layer per press, the conversation and the shop before windows', () => {
    const all: EscapeState = {
      dialog: {},
      contextMenu: {},
      dialogue: { contactId: 'regina' },
      vendorContactId: 'koji',
      menuOpen: false,
      panels: { inventory: true, quests: false },
    };
    expect(escapeAction(all)).toBe('dialog');
    expect(escapeAction({ ...all, dialog: null })).toBe('contextMenu');
    expect(escapeAction({ ...all, dialog: null, contextMenu: null })).toBe('dialogue');
    expect(escapeAction({ ...all, dialog: null, contextMenu: null, dialogue: null })).toBe(
      'vendor',
    );
    expect(escapeAction({ ...calm, panels: { inventory: true } })).toBe('panels');
    expect(escapeAction(calm)).toBe('target');
  });
  it('closes the game menu before anything underneath it', () => {
    expect(
      escapeAction({ ...calm, menuOpen: true, dialogue: {}, panels: { inventory: true } }),
    ).toBe('menu');
  });
  it('never opens the game menu over the death screen', () => {
    expect(escapeAction({ ...calm, selfDead: true })).toBe('none');
    expect(escapeAction({ ...calm, selfDead: true, panels: { inventory: true } })).toBe('none');
    // a menu that was open already still closes
    expect(escapeAction({ ...calm, selfDead: true, menuOpen: true })).toBe('menu');
  });
});
