import { z } from 'zod';
import type { CharacterQuest, QuestState } from '@necp/db';
import type { Db, Tx } from '../core/deps';

/** objective id → count reached (capped at the objective's target) */
export type Progress = Readonly<Record<string, number>>;

/** A CharacterQuest row with its progress parsed. */
export interface QuestRow extends Omit<CharacterQuest, 'progress' | 'updatedAt'> {
  state: QuestState;
  progress: Progress;
}

const ProgressSchema = z.record(z.string(), z.int().min(0));

export function toQuestRow(r: CharacterQuest): QuestRow {
  const { updatedAt: _updatedAt, progress, ...rest } = r;
  const parsed = ProgressSchema.safeParse(progress);
  // progress is only written by this module; anything else is treated as no progress
  return { ...rest, progress: parsed.success ? parsed.data : {} };
}

export async function readQuestRows(db: Db | Tx, characterId: string): Promise<QuestRow[]> {
  const rows = await db.characterQuest.findMany({
    where: { characterId },
    orderBy: { acceptedAt: 'asc' },
  });
  return rows.map(toQuestRow);
}

/**
 * Locks every quest row of a character (FOR UPDATE), so concurrent writers on one
 * character's quests (outbox events, dialogue, turn-in) serialize. Callers lock the
 * character row first, like every other service, so the order never inverts.
 */
export async function lockQuestRows(tx: Tx, characterId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "CharacterQuest" WHERE "characterId" = ${characterId} FOR UPDATE`;
}
