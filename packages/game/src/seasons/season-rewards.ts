/**
 * A season's rewards by final rank, by system mail (eddies and items created from the
 * ledger source `source:season`, held by the mail until taken): the arena brackets'
 * top ranks (ARENA_SEASON_REWARDS), and — the Neon Popularity Reset — the members of
 * the top guilds by the season's renown (GUILD_SEASON_REWARDS): those listed at the end
 * who earned that guild renown during the season (a runner who joins the winners on the
 * last evening, having done nothing for them, gets nothing). The guild rating (levels)
 * is archived but not rewarded: it ranks a guild's size and age, the same guilds every
 * season. Written in the season end's transaction, so they go out exactly once with it.
 */
import {
  ARENA_BOARD_BRACKET,
  ARENA_SEASON_REWARDS,
  GUILD_SEASON_REWARDS,
  LEADERBOARDS,
  seasonRewardFor,
  type SeasonRewardTier,
} from '@necp/shared';
import type { Clock } from '../core/clock';
import { closedSet } from '../core/closed-columns';
import type { Tx } from '../core/deps';
import { sendSystemMail } from '../mail/send-system-mail';

/** The sender the mails show. */
export const SEASON_MAIL_SENDER = 'Night City Arena League';

interface Standing {
  board: string;
  rank: number;
  subjectId: string;
  name: string;
  value: number;
}

async function mail(
  tx: Tx,
  clock: Pick<Clock, 'now'>,
  to: string,
  tier: SeasonRewardTier,
  subject: string,
  body: string,
) {
  await sendSystemMail(
    { db: tx, clock },
    {
      toCharacterId: to,
      subject,
      body,
      eddies: tier.eddies,
      items: tier.items,
      reason: 'season',
      from: SEASON_MAIL_SENDER,
    },
  );
}

/** The characters who earned a guild renown in a season (GuildRenownCredit). */
async function contributors(tx: Tx, guildId: string, season: string): Promise<string[]> {
  const rows = await tx.guildRenownCredit.findMany({
    where: { guildId, season },
    distinct: ['characterId'],
    select: { characterId: true },
  });
  return rows.map((r) => r.characterId);
}

/** Mails every reward of `season` from its archived standings; returns the mails sent. */
export async function mailSeasonRewards(
  tx: Tx,
  clock: Pick<Clock, 'now'>,
  season: string,
): Promise<number> {
  const rows: Standing[] = await tx.seasonStanding.findMany({
    where: { season, scope: 'all' },
    orderBy: [{ board: 'asc' }, { position: 'asc' }],
    select: { board: true, rank: true, subjectId: true, name: true, value: true },
  });
  let sent = 0;
  for (const r of rows) {
    const board = closedSet.SeasonStanding.board.parse(r.board);
    const bracket = ARENA_BOARD_BRACKET[board];
    if (bracket) {
      const tier = seasonRewardFor(ARENA_SEASON_REWARDS, r.rank);
      if (!tier) continue;
      await mail(
        tx,
        clock,
        r.subjectId,
        tier,
        `Season ${season}: ${LEADERBOARDS[board].short} #${r.rank}`,
        `Season ${season} is over. You finished #${r.rank} in the ${bracket} arena with a rating of ${r.value} (${tier.label}). Your reward is attached.`,
      );
      sent++;
    } else if (board === 'guild-renown') {
      const tier = seasonRewardFor(GUILD_SEASON_REWARDS, r.rank);
      if (!tier) continue;
      const members = await tx.guildMember.findMany({
        // listed members (live, not banned now) who earned the guild renown this season
        where: {
          guildId: r.subjectId,
          character: {
            deletedAt: null,
            user: { OR: [{ bannedUntil: null }, { bannedUntil: { lte: clock.now() } }] },
          },
          characterId: { in: await contributors(tx, r.subjectId, season) },
        },
        select: { characterId: true },
        orderBy: { characterId: 'asc' },
      });
      for (const m of members) {
        await mail(
          tx,
          clock,
          m.characterId,
          tier,
          `Neon Popularity Reset: ${r.name} #${r.rank}`,
          `Season ${season} is over. Your guild ${r.name} finished #${r.rank} on the renown board with ${r.value} renown (${tier.label}); renown starts again at zero. Your share is attached.`,
        );
        sent++;
      }
    }
  }
  return sent;
}
