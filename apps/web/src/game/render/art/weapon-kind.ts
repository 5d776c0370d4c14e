/**
 * What kind of weapon a figure holds, from the item template in its main hand: the
 * figure draws a pistol, a long gun, a blade… (art/draw-kit.ts). Read from the
 * template id's family, the way the item content names them; a test holds every weapon
 * in the content to a kind.
 */
export const WEAPON_KINDS = [
  'pistol',
  'smg',
  'rifle',
  'shotgun',
  'sniper',
  'launcher',
  'blade',
  'katana',
  'blunt',
  'tech',
] as const;
export type WeaponKind = (typeof WEAPON_KINDS)[number];

/** template id prefix → kind; the longest matching prefix wins */
const FAMILIES: readonly (readonly [string, WeaponKind])[] = [
  ['pistol_', 'pistol'],
  ['revolver_', 'pistol'],
  ['smart_pistol_', 'pistol'],
  ['smg_', 'smg'],
  ['smart_smg_', 'smg'],
  ['rifle_', 'rifle'],
  ['tech_rifle_', 'tech'],
  ['sniper_', 'sniper'],
  ['shotgun_', 'shotgun'],
  ['launcher_', 'launcher'],
  ['torch_', 'launcher'],
  ['knife_', 'blade'],
  ['dagger_', 'blade'],
  ['machete_', 'blade'],
  ['monowire_', 'tech'],
  ['katana_', 'katana'],
  ['bat_', 'blunt'],
  ['baton_', 'blunt'],
  ['hammer_', 'blunt'],
];

export function weaponKind(templateId: string | null | undefined): WeaponKind | null {
  if (!templateId) return null;
  let best: WeaponKind | null = null;
  let len = 0;
  for (const [prefix, kind] of FAMILIES)
    if (templateId.startsWith(prefix) && prefix.length > len) {
      best = kind;
      len = prefix.length;
    }
  return best;
}
