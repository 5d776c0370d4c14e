/** Rarity colours shared by the canvas (drop markers) and the DOM (slots, tooltips, toasts). */
import type { Rarity } from '@necp/shared';

export const RARITY_COLOR: Record<Rarity, string> = {
  common: '#a9b1c4',
  uncommon: '#3dff8f',
  rare: '#3d8bff',
  epic: '#b45cff',
  legendary: '#ff8a1f',
};

export const RARITY_LABEL: Record<Rarity, string> = {
  common: 'Common',
  uncommon: 'Uncommon',
  rare: 'Rare',
  epic: 'Epic',
  legendary: 'Legendary',
};

export function rarityColor(r: string | undefined): string {
  return (r && r in RARITY_COLOR ? RARITY_COLOR[r as Rarity] : undefined) ?? RARITY_COLOR.common;
}
