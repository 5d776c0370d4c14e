/**
 * What each participant's arena result counts for (shared arena-result-weight.ts),
 * read inside finishArenaMatch's transaction: the recent arena history against the
 * same accounts (the repeat decay), the opponents' account age and level, and — for
 * the winners — whether their recent wins look like win-trading, in which case the
 * moderators get a flag in the reports queue (never an automatic ban).
 */
import {
  ARENA_FLAG_FORFEIT_WINDOW_MS,
  ARENA_REPEAT_WINDOW_MS,
  arenaResultWeight,
  arenaSuspicion,
  isEstablishedArenaOpponent,
} from '@necp/shared';
import type { Tx } from '../core/deps';
import { flagPlayer } from '../moderation/flag-player';

type Result = 'win' | 'loss' | 'draw';

/** Enough history for a day of arena (a match takes minutes); the decay stops at 3 anyway. */
const HISTORY_CAP = 200;

interface Member {
  id: string;
  name: string;
  level: number;
  userId: string;
  userCreatedAt: Date;
}

async function membersOf(tx: Tx, ids: readonly string[]): Promise<Map<string, Member>> {
  const rows = await tx.character.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      name: true,
      level: true,
      userId: true,
      user: { select: { createdAt: true } },
    },
  });
  return new Map(rows.map((r) => [r.id, { ...r, userCreatedAt: r.user.createdAt }]));
}

/** The character's arena results of the last day (this match excluded), with who was on the other side. */
function history(tx: Tx, characterId: string, matchId: string, since: Date) {
  return tx.matchParticipant.findMany({
    where: {
      characterId,
      matchId: { not: matchId },
      match: { kind: 'arena', endedAt: { gt: since } },
    },
    orderBy: { match: { endedAt: 'desc' } },
    take: HISTORY_CAP,
    select: {
      team: true,
      result: true,
      weight: true,
      match: {
        select: {
          endedAt: true,
          contested: true,
          participants: {
            select: {
              team: true,
              character: {
                select: { userId: true, level: true, user: { select: { createdAt: true } } },
              },
            },
          },
        },
      },
    },
  });
}
type Past = Awaited<ReturnType<typeof history>>[number];

const opponentsIn = (p: Past) => p.match.participants.filter((o) => o.team !== p.team);

const establishedAt = (at: Date, o: { level: number; userCreatedAt: Date }) =>
  isEstablishedArenaOpponent({
    accountAgeMs: at.getTime() - o.userCreatedAt.getTime(),
    level: o.level,
  });

/**
 * Every live participant's weight (0–1), and the winners' suspicion flags written.
 * `teams` are the match's; `live` the participants still there.
 */
export async function weighArenaResults(
  tx: Tx,
  input: {
    matchId: string;
    teams: readonly (readonly string[])[];
    resultOf: (team: number) => Result;
    contested: boolean;
    forfeit: boolean;
    now: Date;
  },
): Promise<Map<string, number>> {
  const { teams, now } = input;
  const members = await membersOf(tx, teams.flat());
  const since = new Date(now.getTime() - ARENA_REPEAT_WINDOW_MS);
  const weights = new Map<string, number>();
  for (const [i, ids] of teams.entries()) {
    const foes = (teams[1 - i] ?? []).flatMap((id) => members.get(id) ?? []);
    const foeAccounts = new Set(foes.map((f) => f.userId));
    const established = foes.filter((f) => establishedAt(now, f)).length / (foes.length || 1);
    const result = input.resultOf(i);
    for (const characterId of ids) {
      const me = members.get(characterId);
      if (!me) continue;
      const past = await history(tx, characterId, input.matchId, since);
      // the most results within the window against any one of today's opposing accounts
      const seen = new Map<string, number>();
      for (const p of past)
        for (const userId of new Set(opponentsIn(p).map((o) => o.character.userId)))
          if (foeAccounts.has(userId)) seen.set(userId, (seen.get(userId) ?? 0) + 1);
      const repeat = 1 + Math.max(0, ...seen.values());
      const weight = arenaResultWeight({
        result,
        contested: input.contested,
        forfeit: input.forfeit,
        repeat,
        establishedOpponents: established,
      });
      weights.set(characterId, weight);
      if (result === 'win') await flagIfSuspicious(tx, { me, past, weight, now, input, foes });
    }
  }
  return weights;
}

async function flagIfSuspicious(
  tx: Tx,
  a: {
    me: Member;
    past: Past[];
    weight: number;
    now: Date;
    input: { contested: boolean };
    foes: Member[];
  },
): Promise<void> {
  const wins = a.past.filter((p) => p.result === 'win');
  const hourAgo = a.now.getTime() - ARENA_FLAG_FORFEIT_WINDOW_MS;
  const forfeitWins =
    (a.input.contested ? 0 : 1) +
    wins.filter((p) => p.match.contested === false && p.match.endedAt!.getTime() > hourAgo).length;
  // a win that counted less than fully, or over a new or low-level account
  const discounted = (p: Past) =>
    (p.weight ?? 1) < 1 ||
    opponentsIn(p).some(
      (o) =>
        !establishedAt(p.match.endedAt!, {
          level: o.character.level,
          userCreatedAt: o.character.user.createdAt,
        }),
    );
  const discountedNow = a.weight < 1 || a.foes.some((f) => !establishedAt(a.now, f));
  const why = arenaSuspicion({
    forfeitWinsInWindow: forfeitWins,
    discountedWins: (discountedNow ? 1 : 0) + wins.filter(discounted).length,
  });
  if (!why) return;
  await flagPlayer(tx, {
    watcher: 'arena',
    target: { id: a.me.id, name: a.me.name, userId: a.me.userId },
    reason: 'cheating',
    note: `${why}; the latest against ${a.foes.map((f) => f.name).join(', ')}. They counted little or nothing toward rating and renown.`,
    now: a.now,
  });
}
