import { describe, expect, it } from 'vitest';
import { keyHelpShown } from './key-help-pref';

describe('the keyboard cheat sheet', () => {
  it('shows in the first session, then stays out of the playfield by default', () => {
    expect(keyHelpShown(null, false)).toBe(true);
    expect(keyHelpShown(null, true)).toBe(false);
  });
  it("the player's choice wins, remembered either way", () => {
    expect(keyHelpShown('hidden', false)).toBe(false);
    expect(keyHelpShown('shown', true)).toBe(true);
    expect(keyHelpShown('junk', true)).toBe(false);
  });
});
