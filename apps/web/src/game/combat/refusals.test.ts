import { describe, expect, it } from 'vitest';
import { COMBAT_REFUSALS } from '@necp/shared';
import { refusalMessage, shakesSlot } from './refusals';

describe('refusal messages', () => {
  it('has a short line for every refusal code', () => {
    for (const code of COMBAT_REFUSALS) {
      const text = refusalMessage(code, 'server text', 'RAM');
      expect(text.length).toBeGreaterThan(3);
      expect(text).not.toBe('server text');
    }
  });

  it('says what is missing', () => {
    expect(refusalMessage('OUT_OF_RANGE', undefined)).toBe('Out of range');
    expect(refusalMessage('COOLDOWN', undefined)).toBe('Not ready yet');
    expect(refusalMessage('NO_RESOURCE', undefined, 'RAM')).toBe('Not enough RAM');
    expect(refusalMessage('NO_RESOURCE', undefined, 'stamina')).toBe('Not enough stamina');
    expect(refusalMessage('NO_LINE_OF_SIGHT', undefined)).toBe('Target not in line of sight');
  });

  it("falls back to the server's message for codes it does not know", () => {
    expect(refusalMessage('RATE_LIMITED', 'Slow down, choom.')).toBe('Slow down, choom.');
    expect(refusalMessage('RATE_LIMITED', undefined)).toBe('That did not work');
  });

  it('shakes the slot for "not usable now", not for a missing target', () => {
    expect(shakesSlot('COOLDOWN')).toBe(true);
    expect(shakesSlot('NO_RESOURCE')).toBe(true);
    expect(shakesSlot('OUT_OF_RANGE')).toBe(true);
    expect(shakesSlot('INVALID_TARGET')).toBe(false);
    expect(shakesSlot('DEAD')).toBe(false);
  });
});
