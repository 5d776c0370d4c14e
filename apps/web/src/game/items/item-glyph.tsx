'use client';
/** The picture of an item: its Game Icons picture, tinted by rarity, on a chip shaped by kind. */
import type { CSSProperties } from 'react';
import { GameIcon } from '../icons/game-icon';
import { itemIconName } from '../icons/icon-names';
import { rarityColor } from './rarity';
import { templateOf } from './templates';

export function ItemGlyph({ templateId, size = 'md' }: { templateId: string; size?: 'sm' | 'md' }) {
  const t = templateOf(templateId);
  const style = { '--rarity': rarityColor(t?.rarity) } as CSSProperties;
  return (
    <span
      className={`glyph glyph--${size} glyph--${t?.kind ?? 'junk'}`}
      style={style}
      data-rarity={t?.rarity ?? 'common'}
      aria-hidden
    >
      <GameIcon name={itemIconName(templateId, t?.kind)} className="glyph__icon" />
    </span>
  );
}
