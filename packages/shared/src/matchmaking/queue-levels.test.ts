import { describe, expect, it } from 'vitest';
import { LEVEL_CAP } from '../content/progression';
import {
  ARENA_LEVEL_BANDS,
  QUEUE_LEVELS,
  bandText,
  levelBand,
  levelRangeReason,
  outOfLevelRange,
} from './queue-levels';

describe('queue level ranges', () => {
  it('come from the maps: the vault 14–30, the reef 34–50, the arena every level', () => {
    expect(QUEUE_LEVELS.dungeon).toMatchObject({
      place: 'Arasaka Data Vault',
      range: { min: 14, max: 30 },
    });
    expect(QUEUE_LEVELS.raid.range).toEqual({ min: 34, max: 50 });
    expect(QUEUE_LEVELS.arena_1v1.range).toEqual({ min: 1, max: LEVEL_CAP });
    expect(QUEUE_LEVELS.arena_3v3.range).toEqual({ min: 1, max: LEVEL_CAP });
  });

  it('split the arena in bands of ten that cover every level once', () => {
    expect(ARENA_LEVEL_BANDS).toEqual([
      { min: 1, max: 9 },
      { min: 10, max: 19 },
      { min: 20, max: 29 },
      { min: 30, max: 39 },
      { min: 40, max: 49 },
      { min: 50, max: 50 },
    ]);
    for (let level = 1; level <= LEVEL_CAP; level++)
      expect(ARENA_LEVEL_BANDS.filter((b) => level >= b.min && level <= b.max)).toHaveLength(1);
  });

  it('put a ticket in its strongest member’s band; a dungeon or raid is one band', () => {
    expect(levelBand('arena_1v1', [9])).toBe(0);
    expect(levelBand('arena_1v1', [10])).toBe(1);
    expect(levelBand('arena_3v3', [3, 12, 8])).toBe(1);
    expect(levelBand('arena_1v1', [50])).toBe(5);
    expect(levelBand('dungeon', [14])).toBe(levelBand('dungeon', [30]));
    // a level-up past the range while queued keeps the nearest band
    expect(levelBand('dungeon', [31])).toBe(0);
    expect(levelBand('arena_1v1', [])).toBe(0);
    expect(bandText('arena_1v1', 12)).toBe('levels 10–19');
    expect(bandText('arena_1v1', 50)).toBe('level 50');
    expect(bandText('dungeon', 2)).toBeNull();
  });

  it('name who is out of range, you first person', () => {
    expect(levelRangeReason('dungeon', [{ name: 'Ann', level: 1, self: true }])).toBe(
      'Arasaka Data Vault is for levels 14–30: you are level 1.',
    );
    expect(
      levelRangeReason('dungeon', [
        { name: 'Ann', level: 20, self: true },
        { name: 'Vex', level: 1 },
      ]),
    ).toBe('Arasaka Data Vault is for levels 14–30: Vex (level 1) is not.');
    expect(
      levelRangeReason('raid', [
        { name: 'Ann', level: 12, self: true },
        { name: 'Vex', level: 40 },
        { name: 'Kira', level: 3 },
        { name: 'Jo', level: 33 },
      ]),
    ).toBe(
      'Quantum Reef Siege is for levels 34–50: you (level 12), Kira (level 3) and Jo (level 33) are not.',
    );
    expect(
      levelRangeReason('dungeon', [
        { name: 'Ann', level: 14 },
        { name: 'B', level: 30 },
      ]),
    ).toBeNull();
    expect(levelRangeReason('arena_3v3', [{ name: 'Ann', level: 1, self: true }])).toBeNull();
    expect(outOfLevelRange('dungeon', [{ name: 'a', level: 31 }]).map((m) => m.name)).toEqual([
      'a',
    ]);
  });
});
