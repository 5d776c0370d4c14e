import { describe, expect, it } from 'vitest';
import { ABILITIES, type CombatEvent } from '@necp/shared';
import { CombatActs } from './acts';

const physical = ABILITIES.find((a) => a.school === 'physical')!.id;
const tech = ABILITIES.find((a) => a.school === 'tech')!.id;
const bio = ABILITIES.find((a) => a.school === 'bio')!.id;
const ev = (e: Partial<CombatEvent>): CombatEvent => ({ k: 'hit', src: 7, dst: 9, ...e });

describe('combat acts', () => {
  it('a physical ability is an attack, tech a cast, bio a mend, by whoever used it', () => {
    const acts = new CombatActs();
    acts.onEvent(ev({ ab: physical }), 1000);
    expect(acts.seen(7, 1100)).toEqual({ ago: 100, act: 'attack' });
    acts.onEvent(ev({ k: 'miss', src: 8, ab: tech }), 1200);
    expect(acts.seen(8, 1200)).toEqual({ ago: 0, act: 'cast' });
    expect(acts.seen(9, 1200)).toBeNull();
    acts.onEvent(ev({ k: 'heal', src: 9, ab: bio }), 1300);
    expect(acts.seen(9, 1300)).toEqual({ ago: 0, act: 'mend' });
  });

  it('damage over time, effects and events without an ability are nobody’s act', () => {
    const acts = new CombatActs();
    acts.onEvent(ev({ k: 'tick', ab: physical }), 0);
    acts.onEvent(ev({ k: 'effect', ab: tech }), 0);
    acts.onEvent(ev({ k: 'hit' }), 0);
    expect(acts.seen(7, 10)).toBeNull();
  });
});
