import { describe, expect, it } from 'vitest';
import type { CombatEvent } from '@necp/shared';
import { CombatLog, MAX_LOG_LINES, describeEvent, type NameResolver } from './combat-log';

const ME = 1;
const names: NameResolver = {
  entity: (eid) => ({ 2: 'Tyger Claws Punk', 3: 'Scavenger' })[eid] ?? 'someone',
  ability: (id) => ({ quick_shot: 'Quick Shot', toxin_shot: 'Toxin Shot' })[id] ?? id,
  effect: (id) => ({ poison: 'Toxin' })[id] ?? id,
};
const line = (e: Partial<CombatEvent> & Pick<CombatEvent, 'k'>) =>
  describeEvent({ src: ME, dst: 2, ...e }, ME, names);

describe('combat log lines', () => {
  it('your hits name the target, the ability and crits', () => {
    expect(line({ k: 'hit', ab: 'quick_shot', n: 12, crit: true })).toEqual({
      text: 'You hit Tyger Claws Punk with Quick Shot for 12 (crit)',
      tone: 'out',
    });
    expect(line({ k: 'hit', ab: 'quick_shot', n: 9, absorbed: 3 })?.text).toBe(
      'You hit Tyger Claws Punk with Quick Shot for 9 (3 absorbed)',
    );
  });

  it('hits on you name the attacker and its ability', () => {
    expect(line({ k: 'hit', src: 3, dst: ME, ab: 'toxin_shot', n: 5 })).toEqual({
      text: "Scavenger's Toxin Shot hits you for 5",
      tone: 'in',
    });
    expect(line({ k: 'hit', src: 2, dst: ME, ab: 'npc_attack', n: 4 })?.text).toBe(
      'Tyger Claws Punk hits you for 4',
    );
  });

  it('misses, heals, ticks and deaths', () => {
    expect(line({ k: 'miss', ab: 'quick_shot' })?.text).toBe(
      'Your Quick Shot misses Tyger Claws Punk',
    );
    expect(line({ k: 'heal', dst: ME, ab: 'quick_shot', n: 20 })).toEqual({
      text: 'Your Quick Shot heals you for 20',
      tone: 'heal',
    });
    expect(line({ k: 'tick', src: 3, dst: ME, fx: 'poison', n: 3 })).toEqual({
      text: 'You suffer 3 damage from Toxin',
      tone: 'in',
    });
    expect(line({ k: 'death', src: ME, dst: 2 })?.text).toBe('You killed Tyger Claws Punk');
    expect(line({ k: 'death', src: 2, dst: ME })?.text).toBe(
      'You were flatlined by Tyger Claws Punk',
    );
  });

  it("a boss's telegraphs and phases", () => {
    expect(line({ k: 'telegraph', src: 3, dst: ME, ab: 'toxin_shot', ms: 2000 })).toEqual({
      text: 'Scavenger aims Toxin Shot at you — move!',
      tone: 'in',
    });
    expect(line({ k: 'telegraph', src: 3, dst: 0, ab: 'toxin_shot' })?.text).toBe(
      'Scavenger readies Toxin Shot',
    );
    expect(line({ k: 'phase', src: 3, dst: 3, n: 1 })?.text).toBe('Scavenger enters phase 2');
  });

  it('keeps a bounded list, newest last', () => {
    const log = new CombatLog();
    for (let i = 0; i < MAX_LOG_LINES + 10; i++) log.push(`line ${i}`, 'info', i);
    const lines = log.snapshot();
    expect(lines).toHaveLength(MAX_LOG_LINES);
    expect(lines[0]!.text).toBe('line 10');
    expect(lines.at(-1)!.text).toBe(`line ${MAX_LOG_LINES + 9}`);
  });
});
