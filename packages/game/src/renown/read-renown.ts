import type { Db, Tx } from '../core/deps';

/** A guild's renown in the current season (what the guild pages show). */
export interface GuildSeasonRenown {
  season: string;
  renown: number;
}

/** The guild's renown this season (0 without a credit); null while no season is open. */
export async function guildSeasonRenown(
  db: Db | Tx,
  guildId: string,
): Promise<GuildSeasonRenown | null> {
  const season = await db.season.findFirst({
    where: { state: 'active' },
    orderBy: { number: 'desc' },
    select: { key: true, renown: { where: { guildId }, select: { renown: true } } },
  });
  if (!season) return null;
  return { season: season.key, renown: season.renown[0]?.renown ?? 0 };
}
