import { deriveStats, type DerivedStats } from '@necp/shared';
import type { Character } from '@necp/db';
import type { Db, Tx } from '../core/deps';
import { attributesOf } from './character-attributes';
import { loadCarriedItems, type CarriedItems } from './equipped-templates';

/**
 * Derived stats of a character as it will be after a change (`patch`), with its
 * current equipment. `Character.maxHealth` stores `stats.maxHealth` whenever
 * progression writes the row; the sim recomputes it when character.stats_changed reaches it.
 */
export async function deriveCharacterStats(
  db: Db | Tx,
  c: Character,
  patch: Partial<
    Pick<Character, 'level' | 'body' | 'reflexes' | 'technical' | 'intelligence' | 'cool'>
  > = {},
): Promise<{ stats: DerivedStats; carried: CarriedItems }> {
  const next = { ...c, ...patch };
  const carried = await loadCarriedItems(db, c.id);
  const stats = deriveStats({
    attributes: attributesOf(next),
    level: next.level,
    equipped: carried.equipped,
  });
  return { stats, carried };
}
