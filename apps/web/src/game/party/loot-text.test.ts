import { describe, expect, it } from 'vitest';
import { rollResultText } from './loot-text';

describe('rollResultText', () => {
  it('lists every answer and the winner', () => {
    expect(
      rollResultText({
        dropId: 'd',
        name: 'Mantis Blades',
        winnerId: 'a',
        winner: 'Ana',
        rolls: [
          { characterId: 'a', name: 'Ana', choice: 'need', roll: 87 },
          { characterId: 'b', name: 'Bex', choice: 'greed', roll: 45 },
          { characterId: 'c', name: 'Cid', choice: null, roll: null },
        ],
      }),
    ).toBe('Mantis Blades — Ana need 87, Bex greed 45, Cid pass: Ana wins.');
  });

  it('says when nobody wanted it', () => {
    expect(
      rollResultText({ dropId: 'd', name: 'Scrap', winnerId: null, winner: null, rolls: [] }),
    ).toBe('Scrap: everyone passed: free for all.');
  });
});
