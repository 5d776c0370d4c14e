import { describe, expect, it } from 'vitest';
import { outranks } from './staff-roles';

describe('outranks', () => {
  it('lets staff act only on accounts ranked strictly below them', () => {
    expect(outranks('MODERATOR', 'PLAYER')).toBe(true);
    expect(outranks('ADMIN', 'MODERATOR')).toBe(true);
    expect(outranks('ADMIN', 'PLAYER')).toBe(true);
    expect(outranks('MODERATOR', 'MODERATOR')).toBe(false);
    expect(outranks('MODERATOR', 'ADMIN')).toBe(false);
    expect(outranks('ADMIN', 'ADMIN')).toBe(false);
    expect(outranks('PLAYER', 'PLAYER')).toBe(false);
  });
});
