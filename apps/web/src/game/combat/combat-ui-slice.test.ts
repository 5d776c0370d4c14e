import { describe, expect, it } from 'vitest';
import { createGameStore } from '../store/game-store';
import type { LogLine } from './combat-log';

const line = (id: number, text: string): LogLine => ({ id, at: 0, text, tone: 'xp' });

describe('the combat slice', () => {
  it('an XP gain without a level keeps the flash and the bar; a level flashes anew each time', () => {
    const store = createGameStore();
    const s = store.getState();
    s.combatWelcomed({ classId: 'solo', origin: 'street_kid', bar: ['a'] });
    s.xpGained({ xp: { total: 50, level: 1 }, combatLog: [line(1, 'You gain 50 XP')] });
    expect(store.getState()).toMatchObject({
      xp: { total: 50, level: 1 },
      levelUp: null,
      bar: ['a'],
    });
    expect(store.getState().combatLog.map((l) => l.text)).toEqual(['You gain 50 XP']);

    s.xpGained({
      xp: { total: 120, level: 2 },
      combatLog: [],
      levelUp: { level: 2, bar: ['a', 'b'] },
    });
    const first = store.getState().levelUp;
    expect(first?.level).toBe(2);
    expect(store.getState().bar).toEqual(['a', 'b']);
    // no world yet: a level without a new bar leaves the bar as it was
    s.xpGained({ xp: { total: 300, level: 3 }, combatLog: [], levelUp: { level: 3 } });
    expect(store.getState().levelUp?.id).not.toBe(first?.id);
    expect(store.getState().bar).toEqual(['a', 'b']);
  });

  it('every flash (error line, shake) is a new id: the same refusal twice plays twice', () => {
    const store = createGameStore();
    const s = store.getState();
    s.combatFlash('Out of range');
    const a = store.getState().combatError!;
    s.combatFlash('Out of range');
    const b = store.getState().combatError!;
    s.slotShaken(2);
    expect(b.id).not.toBe(a.id);
    expect(store.getState().shake).toMatchObject({ slot: 2 });
    expect(new Set([a.id, b.id, store.getState().shake!.id]).size).toBe(3);
  });

  it('a welcome clears the target and the killer; the publish patches only what it names', () => {
    const store = createGameStore();
    const s = store.getState();
    s.selfKilled('Hanako');
    s.combatPublished({ selfDead: true });
    s.combatWelcomed({ classId: 'medtech', origin: 'corpo', bar: [] });
    expect(store.getState()).toMatchObject({ killer: null, target: null, selfDead: true });
    s.combatPublished({ selfDead: false, killer: null });
    expect(store.getState()).toMatchObject({ classId: 'medtech', selfDead: false });
  });
});
