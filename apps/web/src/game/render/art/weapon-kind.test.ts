import { describe, expect, it } from 'vitest';
import { ITEM_TEMPLATES } from '@necp/shared';
import { weaponKind } from './weapon-kind';

describe('weapon kinds for figures', () => {
  it('give every weapon in the content a kind to draw', () => {
    const weapons = ITEM_TEMPLATES.filter((t) => t.kind === 'weapon');
    expect(weapons.length).toBeGreaterThan(20);
    for (const w of weapons) expect([w.id, weaponKind(w.id)]).toEqual([w.id, expect.any(String)]);
  });

  it('tell the families apart, the longest name first', () => {
    expect(weaponKind('pistol_unity')).toBe('pistol');
    expect(weaponKind('smart_smg_yinglong')).toBe('smg');
    expect(weaponKind('tech_rifle_achilles')).toBe('tech');
    expect(weaponKind('katana_satori')).toBe('katana');
    expect(weaponKind('bat_sluggers')).toBe('blunt');
    expect(weaponKind(null)).toBeNull();
    expect(weaponKind('stim_basic')).toBeNull();
  });
});
