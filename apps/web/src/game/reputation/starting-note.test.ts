import { describe, expect, it } from 'vitest';
import { startingNote } from './starting-note';

describe('startingNote', () => {
  it('explains a hostile standing a new character starts with', () => {
    const note = startingNote({
      factionId: 'scavengers',
      name: 'Scavengers',
      standing: -5000,
      met: false,
    });
    expect(note).toContain('Everyone starts at −5,000 with Scavengers');
  });
  it('says when a faction cannot be won over', () => {
    expect(
      startingNote({ factionId: 'animals', name: 'Wildlife', standing: -42000, met: false }),
    ).toContain("can't be won over");
  });
  it('says nothing for a neutral start, a standing you earned, or an unknown faction', () => {
    expect(
      startingNote({ factionId: 'fixers', name: 'Fixers', standing: 0, met: false }),
    ).toBeNull();
    expect(
      startingNote({ factionId: 'scavengers', name: 'S', standing: -4000, met: true }),
    ).toBeNull();
    expect(startingNote({ factionId: 'nope', name: 'N', standing: -5000, met: false })).toBeNull();
  });
});
