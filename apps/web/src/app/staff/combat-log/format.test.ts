import { describe, expect, it } from 'vitest';
import { abilityById, effectById } from '@necp/shared';
import { actionLabel, amountView, summarize, utcParts, zoneLabel } from './format';

describe('combat log row formatting', () => {
  it('shows times in UTC down to the millisecond', () => {
    expect(utcParts(new Date(Date.UTC(2026, 6, 1, 9, 0, 1, 250)))).toEqual({
      date: '2026-07-01',
      time: '09:00:01.250',
    });
  });

  it('names zones from content and keeps unknown ids', () => {
    expect(zoneLabel('watson')).toBe('Watson');
    expect(zoneLabel('old_zone')).toBe('old_zone');
  });

  it('names abilities and effects from content, by kind, falling back to the id', () => {
    const ability = abilityById('solo_power_shot')!.name;
    const effect = effectById('bleed')!.name;
    expect(actionLabel('hit', 'solo_power_shot')).toBe(ability);
    expect(actionLabel('tick', 'bleed')).toBe(effect);
    expect(actionLabel('effect', 'bleed')).toBe(effect);
    // a heal-over-time tick is logged as a heal with the effect's id
    expect(actionLabel('heal', 'nano_regen')).toBe(effectById('nano_regen')!.name);
    expect(actionLabel('hit', 'retired_move')).toBe('retired_move');
    expect(actionLabel('death', null)).toBeNull();
  });

  it('signs damage and healing, and dashes kinds without an amount', () => {
    expect(amountView('hit', 42)).toEqual({ text: '−42', tone: 'damage' });
    expect(amountView('tick', 3)).toEqual({ text: '−3', tone: 'damage' });
    expect(amountView('heal', 30)).toEqual({ text: '+30', tone: 'heal' });
    for (const kind of ['miss', 'effect', 'death', 'respawn'] as const)
      expect(amountView(kind, 0)).toEqual({ text: '—', tone: 'none' });
  });

  it('totals the rows on screen', () => {
    expect(
      summarize([
        { kind: 'hit', amount: 40, crit: true },
        { kind: 'tick', amount: 5, crit: false },
        { kind: 'miss', amount: 0, crit: false },
        { kind: 'heal', amount: 12, crit: false },
        { kind: 'death', amount: 0, crit: false },
      ]),
    ).toEqual({ events: 5, damage: 45, crits: 1, healing: 12, deaths: 1 });
    expect(summarize([])).toEqual({ events: 0, damage: 0, crits: 0, healing: 0, deaths: 0 });
  });
});
