import { FlagKeySchema, FlagValueSchema } from '@necp/shared';
import type { Db, Tx } from '../core/deps';

/** A character's story flags (`chain.bitw.jun_talked` → 'paid'). */
export type Flags = Readonly<Record<string, string>>;

export async function readFlags(db: Db | Tx, characterId: string): Promise<Flags> {
  const rows = await db.characterFlag.findMany({
    where: { characterId },
    select: { key: true, value: true },
  });
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/**
 * Sets one flag inside the caller's transaction. Returns whether anything changed
 * (a flag set again to the same value is not a new happening). Keys and values
 * come from content, so a malformed one is a programming error, not user input.
 */
export async function setFlagTx(
  tx: Tx,
  input: { characterId: string; key: string; value: string; at: Date },
): Promise<boolean> {
  const key = FlagKeySchema.parse(input.key);
  const value = FlagValueSchema.parse(input.value);
  const before = await tx.characterFlag.findUnique({
    where: { characterId_key: { characterId: input.characterId, key } },
    select: { value: true },
  });
  if (before?.value === value) return false;
  await tx.characterFlag.upsert({
    where: { characterId_key: { characterId: input.characterId, key } },
    create: { characterId: input.characterId, key, value, setAt: input.at },
    update: { value, setAt: input.at },
  });
  return true;
}
