/**
 * Credits members' renown to their guilds, inside the caller's transaction (the outbox
 * delivery's), exactly once:
 *
 * - the current season is taken FOR SHARE before any row lock (lockCurrentSeason; the
 *   season end takes it FOR UPDATE), so a credit lands either in the season the end
 *   then archives, or — waiting for the end — in the new one; never in a season
 *   already archived;
 * - per (character, event key): a GuildRenownCredit row under its primary key. A
 *   repeated handling of the event, or a concurrent one (which waits on the first's
 *   uncommitted key and then finds it taken), inserts nothing and adds nothing;
 * - per guild and season: one upsert adds what the new credits earned
 *   (`renown = renown + n` under the row's lock, so concurrent events both count), in
 *   guild id order, and `guild.renown_credited` tells the board (and the public pages).
 *
 * The guild is the one the character is in when the event is handled; a character in
 * no guild, or deleted, earns none (and records no key: nothing to undo).
 */
import type { Tx } from '../core/deps';
import { publishEvent } from '../outbox/publish-event';
import { lockCurrentSeason } from '../seasons/current-season';
import type { RenownCredit } from './renown-credits';

export interface GuildCredited {
  guildId: string;
  season: string;
  /** what this event added */
  points: number;
  /** the guild's renown of the season after it */
  renown: number;
}

export async function creditGuildRenown(
  tx: Tx,
  input: { now: Date; eventKey: string; credits: readonly RenownCredit[] },
): Promise<GuildCredited[]> {
  const credits = input.credits.filter((c) => c.points > 0);
  if (credits.length === 0) return [];
  // a plain read (no lock): who is in a guild; nobody → nothing to lock or write
  const members = await tx.guildMember.findMany({
    where: {
      characterId: { in: credits.map((c) => c.characterId) },
      character: { deletedAt: null },
    },
    select: { characterId: true, guildId: true },
  });
  if (members.length === 0) return [];
  const guildOf = new Map(members.map((m) => [m.characterId, m.guildId]));
  const season = (await lockCurrentSeason(tx)).key;

  const earned = new Map<string, number>();
  for (const c of credits.toSorted((a, b) => (a.characterId < b.characterId ? -1 : 1))) {
    const guildId = guildOf.get(c.characterId);
    if (!guildId) continue;
    const { count } = await tx.guildRenownCredit.createMany({
      data: [
        {
          characterId: c.characterId,
          eventKey: input.eventKey,
          guildId,
          season,
          source: c.source,
          points: c.points,
          at: input.now,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 1) earned.set(guildId, (earned.get(guildId) ?? 0) + c.points);
  }

  const out: GuildCredited[] = [];
  for (const [guildId, points] of [...earned].toSorted(([a], [b]) => (a < b ? -1 : 1))) {
    const [row] = await tx.$queryRaw<{ renown: number }[]>`
      INSERT INTO "GuildRenown" AS r ("guildId", "season", "renown", "updatedAt")
      VALUES (${guildId}, ${season}, ${points}, ${input.now})
      ON CONFLICT ("guildId", "season") DO UPDATE SET
        "renown" = r."renown" + EXCLUDED."renown", "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "renown"`;
    const credited = { guildId, season, points, renown: row!.renown };
    await publishEvent(tx, {
      type: 'guild.renown_credited',
      key: `guild.renown_credited:${guildId}:${input.eventKey}`,
      payload: credited,
    });
    out.push(credited);
  }
  return out;
}
