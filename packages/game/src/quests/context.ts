import type { Character } from '@necp/db';
import type { Attributes, Standings } from '@necp/shared';
import type { Db, Tx } from '../core/deps';
import { readFlags, type Flags } from '../flags/flags';
import { attributesOf } from '../progression/character-attributes';
import { readStandings } from '../reputation/read-standings';
import { lockQuestRows, readQuestRows, type QuestRow } from './quest-rows';
import { persistFailures, settleRows } from './settle';

/** Everything quest status, prerequisites and dialogue conditions are judged on. */
export interface QuestContext {
  characterId: string;
  level: number;
  class: string;
  attributes: Attributes;
  flags: Flags;
  standings: Standings;
  /** every quest row of the character, settled at `now` */
  rows: QuestRow[];
  now: Date;
}

type CharacterFacts = Pick<Character, 'id' | 'level' | 'class'> & Attributes;

/** Reads the context (a read path: lazy failures are computed, not written). */
export async function readQuestContext(
  db: Db | Tx,
  c: CharacterFacts,
  now: Date,
): Promise<{ ctx: QuestContext; failed: QuestRow[] }> {
  // one after another: a transaction runs its queries on one connection anyway
  const flags = await readFlags(db, c.id);
  const standings = await readStandings(db, c.id);
  const { rows, failed } = settleRows(await readQuestRows(db, c.id), now);
  return {
    ctx: {
      characterId: c.id,
      level: c.level,
      class: c.class,
      attributes: attributesOf(c),
      flags,
      standings,
      rows,
      now,
    },
    failed,
  };
}

/**
 * The write path's context: locks the character's quest rows (the caller already
 * holds the character row), reads everything and persists lazy failures found on
 * the way. `failed` lists those failures (for notices).
 */
export async function lockQuestContext(
  tx: Tx,
  c: CharacterFacts,
  now: Date,
): Promise<{ ctx: QuestContext; failed: QuestRow[] }> {
  await lockQuestRows(tx, c.id);
  const r = await readQuestContext(tx, c, now);
  await persistFailures(tx, r.failed);
  return r;
}

/** Re-reads what effects may have changed (rows, flags, standings), keeping the character facts. */
export async function refreshQuestContext(tx: Tx, ctx: QuestContext): Promise<QuestContext> {
  const flags = await readFlags(tx, ctx.characterId);
  const standings = await readStandings(tx, ctx.characterId);
  const { rows } = settleRows(await readQuestRows(tx, ctx.characterId), ctx.now);
  return { ...ctx, flags, standings, rows };
}
