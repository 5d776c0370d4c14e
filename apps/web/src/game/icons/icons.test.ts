import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ABILITIES, ITEM_TEMPLATES } from '@necp/shared';
import { ICON_BODIES } from './icon-bodies.generated';
import { iconBody, pickIcons, type IconSet } from './icon-module';
import {
  ABILITY_ICONS,
  FALLBACK_ICON,
  ITEM_ICONS,
  abilityIconName,
  itemIconName,
  usedIconNames,
} from './icon-names';

const require = createRequire(import.meta.url);
const set = JSON.parse(
  readFileSync(require.resolve('@iconify-json/game-icons/icons.json'), 'utf8'),
) as IconSet;

describe('game icons', () => {
  it('gives every item template its own icon that exists in the Game Icons set', () => {
    const missing = ITEM_TEMPLATES.filter((t) => !(t.id in ITEM_ICONS)).map((t) => t.id);
    expect(missing, 'add these templates to ITEM_ICONS in icon-names.ts').toEqual([]);
    for (const t of ITEM_TEMPLATES) {
      const name = itemIconName(t.id, t.kind);
      expect(iconBody(set, name), `${t.id} → ${name}`).toBeTypeOf('string');
      expect(
        ICON_BODIES[name],
        `${name} is not generated: run pnpm --filter @necp/web icons`,
      ).toBeTypeOf('string');
    }
  });

  it('gives every ability its own icon that exists in the Game Icons set', () => {
    const missing = ABILITIES.filter((a) => !(a.id in ABILITY_ICONS)).map((a) => a.id);
    expect(missing, 'add these abilities to ABILITY_ICONS in icon-names.ts').toEqual([]);
    for (const a of ABILITIES) {
      const name = abilityIconName(a.id);
      expect(iconBody(set, name), `${a.id} → ${name}`).toBeTypeOf('string');
      expect(ICON_BODIES[name]).toBeTypeOf('string');
    }
  });

  it('ships exactly the icons in use, as the set draws them (the generated file is current)', () => {
    expect(ICON_BODIES).toEqual(pickIcons(set, usedIconNames()));
  });

  it('falls back by kind, then to a generic icon, for content newer than the client', () => {
    expect(itemIconName('not_yet_known', 'weapon')).toBe('pistol-gun');
    expect(itemIconName('not_yet_known', undefined)).toBe(FALLBACK_ICON);
    expect(abilityIconName('not_yet_known')).toBe(FALLBACK_ICON);
    expect(() => pickIcons(set, ['no-such-icon-anywhere'])).toThrow(/no-such-icon-anywhere/);
  });
});
