import { CHARACTER_RESTORE_DAYS, zoneById, type CharacterSummary } from '@necp/shared';
import type { Character } from '@necp/db';

export const RESTORE_WINDOW_MS = CHARACTER_RESTORE_DAYS * 24 * 60 * 60 * 1000;

/** When a soft-deleted character stops being restorable (and its name is freed by the purge). */
export const restorableUntil = (deletedAt: Date) =>
  new Date(deletedAt.getTime() + RESTORE_WINDOW_MS);

/** Soft-deleted at or before this instant means past the restore window. */
export const restoreExpiryCutoff = (now: Date) => new Date(now.getTime() - RESTORE_WINDOW_MS);

/** A zone's name as the roster shows it (its id when the content no longer has it). */
export const zoneNameOf = (zoneId: string) => zoneById(zoneId)?.name ?? zoneId;

export function toCharacterSummary(c: Character): CharacterSummary {
  return {
    id: c.id,
    name: c.name,
    origin: c.origin,
    class: c.class,
    level: c.level,
    zoneId: c.zoneId,
    zoneName: zoneNameOf(c.zoneId),
    deletedAt: c.deletedAt,
    restorableUntil: c.deletedAt ? restorableUntil(c.deletedAt) : null,
    lastPlayedAt: c.lastPlayedAt,
  };
}
