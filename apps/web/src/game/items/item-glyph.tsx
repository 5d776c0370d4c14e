'use client';
/** The picture of an item: its 1–2 letter glyph on a rarity-tinted chip. */
import type { CSSProperties } from 'react';
import { rarityColor } from './rarity';
import { templateOf } from './templates';

export function ItemGlyph({ templateId, size = 'md' }: { templateId: string; size?: 'sm' | 'md' }) {
  const t = templateOf(templateId);
  const style = { '--rarity': rarityColor(t?.rarity) } as CSSProperties;
  return (
    <span className={`glyph glyph--${size} glyph--${t?.kind ?? 'junk'}`} style={style} aria-hidden>
      {t?.glyph ?? '?'}
    </span>
  );
}
