import { describe, expect, it } from 'vitest';
import { contextKeyAction, hintControl } from './key-actions';

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

describe('hintControl: what a hint names', () => {
  it('on a keyboard: E for what E does, else the row key', () => {
    expect(hintControl('talk', 'talk', false)).toEqual({ tap: false, label: 'E' });
    expect(hintControl('pickup', 'interact', false)).toEqual({ tap: false, label: 'F' });
    expect(hintControl('metro', 'talk', false)).toEqual({ tap: false, label: 'T' });
    expect(hintControl('bank', 'bank', false)).toEqual({ tap: false, label: 'E' });
  });
  it('on touch: never a key — the use button by its face, or tap the row', () => {
    expect(hintControl('talk', 'talk', true)).toEqual({ tap: true, label: 'TALK' });
    expect(hintControl('pickup', 'interact', true)).toEqual({ tap: true, label: 'USE' });
    expect(hintControl('mail', 'mail', true)).toEqual({ tap: true, label: 'MAIL' });
    // the use button talks to the contact here: the metro row is tapped itself
    expect(hintControl('metro', 'talk', true)).toEqual({ tap: true, label: null });
    expect(hintControl('pickup', 'talk', true)).toEqual({ tap: true, label: null });
  });
});
