import {
  factionById,
  standingWith,
  tierForStanding,
  type ReputationTier,
  type Standings,
} from '@necp/shared';
import type { Db, Tx } from '../core/deps';

/** The character's stored standings (factions never touched are absent: see standingWith). */
export async function readStandings(db: Db | Tx, characterId: string): Promise<Standings> {
  const rows = await db.characterStanding.findMany({
    where: { characterId },
    select: { factionId: true, standing: true },
  });
  return Object.fromEntries(rows.map((r) => [r.factionId, r.standing]));
}

/** Standing and tier with one faction (its starting standing when never touched). */
export async function standingOf(
  db: Db | Tx,
  characterId: string,
  factionId: string,
): Promise<{ standing: number; tier: ReputationTier }> {
  if (!factionById(factionId)) throw new Error(`unknown faction ${factionId}`);
  const row = await db.characterStanding.findUnique({
    where: { characterId_factionId: { characterId, factionId } },
    select: { standing: true },
  });
  const standing = standingWith(row ? { [factionId]: row.standing } : {}, factionId);
  return { standing, tier: tierForStanding(standing) };
}
