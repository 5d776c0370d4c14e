import { describe, expect, it } from 'vitest';
import { damageText, statLines } from './stat-lines';

describe('statLines', () => {
  it('lists the stats an item has', () => {
    const lines = statLines({ armor: 12, resist: { thermal: 5 } });
    expect(lines.map((l) => [l.key, l.text])).toEqual([
      ['armor', '12'],
      ['resist.thermal', '+5'],
    ]);
    expect(lines.every((l) => l.delta === undefined)).toBe(true);
  });

  it('compares with the equipped item, including stats only the worn one has', () => {
    const lines = statLines(
      { damageMin: 10, damageMax: 16, critChance: 0.05 },
      { damageMin: 8, damageMax: 16, armor: 3 },
    );
    const by = Object.fromEntries(lines.map((l) => [l.key, l]));
    expect(by.damageMin?.deltaText).toBe('+2');
    expect(by.damageMax?.delta).toBe(0);
    expect(by.critChance?.deltaText).toBe('+5%');
    expect(by.armor).toMatchObject({ text: '—', delta: -3, deltaText: '-3' });
  });

  it('compares with an empty slot as a pure gain', () => {
    const [armor] = statLines({ armor: 4 }, null);
    expect(armor).toMatchObject({ delta: 4, deltaText: '+4' });
  });
});

describe('damageText', () => {
  it('formats the damage range and type', () => {
    expect(damageText({ damageMin: 4, damageMax: 9, damageType: 'thermal' })).toBe('4–9 thermal');
    expect(damageText({ armor: 2 })).toBeNull();
  });
});
