import { MELEE_RANGE, type ItemTemplate } from '@necp/shared';

/**
 * The skill a weapon trains. Content has no per-weapon skill field yet, so it
 * follows from what the weapon is: melee reach → blades, one-handed guns →
 * handguns, two-handed guns → rifles. Null for anything that is not a weapon.
 */
export function weaponSkillId(t: Pick<ItemTemplate, 'kind' | 'slot' | 'stats'>): string | null {
  if (t.kind !== 'weapon') return null;
  if ((t.stats?.range ?? 0) <= MELEE_RANGE) return 'blades';
  return t.slot === 'two_hand' ? 'rifles' : 'handguns';
}
