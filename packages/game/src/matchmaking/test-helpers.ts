/**
 * Test-only helpers for the matchmaking tests (not exported from the package):
 * characters with a level or an arena rating, parties written straight to the
 * database, and deps over a given store with a fake clock.
 */
import type { Db } from '@necp/db';
import { FIRST_SEASON_KEY, type ArenaBracket, type FinishArenaMatch } from '@necp/shared';
import { FakeClock } from '../core/clock';
import { newPlayer } from '../inventory/test-helpers';
import type { MatchmakingDeps } from './matchmaking-deps';
import type { MatchmakingStore } from './matchmaking-store';

/** A minute's fight both sides dealt damage in, ended by a defeat: a result that counts in full. */
export const FOUGHT: FinishArenaMatch['fight'] = {
  foughtMs: 60_000,
  by: 'defeat',
  damageByTeam: [500, 500],
};

export type TestMatchmakingDeps = MatchmakingDeps & { clock: FakeClock };

export const mmDeps = (db: Db, store: MatchmakingStore, clock = new FakeClock()) =>
  ({ db, clock, store }) satisfies TestMatchmakingDeps;

/** A new character (its id), optionally of a level and with a rating in a bracket. */
export async function character(
  db: Db,
  o: { level?: number; rating?: number; bracket?: ArenaBracket } = {},
): Promise<string> {
  const p = await newPlayer(db, o.level ? { level: o.level } : {});
  if (o.rating !== undefined)
    await db.arenaRating.create({
      data: {
        characterId: p.characterId,
        bracket: o.bracket ?? '1v1',
        season: FIRST_SEASON_KEY,
        rating: o.rating,
        rd: 80,
      },
    });
  return p.characterId;
}

export const characters = (db: Db, count: number, o: Parameters<typeof character>[1] = {}) =>
  Promise.all(Array.from({ length: count }, () => character(db, o)));

/** A party led by the first id. */
export async function party(db: Db, ids: readonly string[]): Promise<string> {
  const p = await db.party.create({ data: { leaderId: ids[0]! } });
  await db.partyMember.createMany({
    data: ids.map((characterId, i) => ({
      partyId: p.id,
      characterId,
      joinedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    })),
  });
  return p.id;
}
