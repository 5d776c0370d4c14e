/**
 * Reads: a member's view of its guild, the roster with online status, the public
 * page (no bank, no message of the day), and the lookups the sim uses for guild chat.
 */
import type { GuildRank } from '@necp/db';
import {
  GUILD_LEADER_RANK,
  GUILD_MEMBERS_MAX,
  guildDayStart,
  guildLevel,
  withdrawAllowance,
  type GuildPermissions,
  type PresenceStatus,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { presenceOf } from '../friends/presence';
import { guildSeasonRenown, type GuildSeasonRenown } from '../renown/read-renown';
import { rankPermissions } from './guild-access';

export interface GuildRankView {
  id: string;
  /** 0 = leader; larger = lower */
  position: number;
  name: string;
  permissions: GuildPermissions;
  /** eddies per UTC day; null = no limit */
  dailyWithdrawLimit: number | null;
}

export const rankView = (r: GuildRank): GuildRankView => ({
  id: r.id,
  position: r.position,
  name: r.name,
  permissions: rankPermissions(r),
  dailyWithdrawLimit: r.position === GUILD_LEADER_RANK ? null : r.dailyWithdrawLimit,
});

/** The guild a character is in (its id), or null: what the sim keys guild chat rooms on. */
export async function guildIdOf(
  deps: Pick<GameDeps, 'db'>,
  characterId: string,
): Promise<string | null> {
  const m = await deps.db.guildMember.findUnique({
    where: { characterId },
    select: { guildId: true },
  });
  return m?.guildId ?? null;
}

/** The guild of each of these characters that is in one (read inside the caller's transaction). */
export async function guildIdsOf(
  tx: Tx,
  characterIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await tx.guildMember.findMany({
    where: { characterId: { in: [...characterIds] } },
    select: { characterId: true, guildId: true },
  });
  return new Map(rows.map((r) => [r.characterId, r.guildId]));
}

/** Character ids of a guild's members (for fan-out to their rooms). */
export async function guildMemberIds(
  deps: Pick<GameDeps, 'db'>,
  guildId: string,
): Promise<string[]> {
  const rows = await deps.db.guildMember.findMany({
    where: { guildId },
    select: { characterId: true },
    take: GUILD_MEMBERS_MAX,
  });
  return rows.map((r) => r.characterId);
}

/** FORBIDDEN unless the character is a member of that guild (members-only reads). */
export async function requireMemberOf(
  deps: Pick<GameDeps, 'db'>,
  characterId: string,
  guildId: string,
): Promise<void> {
  if ((await guildIdOf(deps, characterId)) !== guildId)
    throw new DomainError('FORBIDDEN', 'not a member of this guild', 'Only members can see that.');
}

export interface MyGuildView {
  id: string;
  name: string;
  tag: string;
  level: number;
  memberCount: number;
  motd: string;
  bankEddies: number;
  foundedAt: number;
  ranks: GuildRankView[];
  /** your rank */
  rank: GuildRankView;
  /** what you may still withdraw today (null: no limit) */
  withdrawLeftToday: number | null;
  /** the guild's renown this season (null while no season is open) */
  seasonRenown: GuildSeasonRenown | null;
}

/** Your guild as a member sees it; null when you are in none. */
export async function myGuild(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  characterId: string,
): Promise<MyGuildView | null> {
  const m = await deps.db.guildMember.findUnique({
    where: { characterId },
    include: { rank: true, guild: { include: { ranks: { orderBy: { position: 'asc' } } } } },
  });
  if (!m) return null;
  const [memberCount, withdrawn, seasonRenown] = await Promise.all([
    deps.db.guildMember.count({ where: { guildId: m.guildId } }),
    deps.db.guildBankLog.aggregate({
      where: {
        guildId: m.guildId,
        characterId,
        kind: 'withdraw',
        createdAt: { gte: guildDayStart(deps.clock.now()) },
      },
      _sum: { amount: true },
    }),
    guildSeasonRenown(deps.db, m.guildId),
  ]);
  const g = m.guild;
  return {
    id: g.id,
    name: g.name,
    tag: g.tag,
    level: guildLevel(memberCount),
    memberCount,
    motd: g.motd,
    bankEddies: g.bankEddies,
    foundedAt: g.createdAt.getTime(),
    ranks: g.ranks.map(rankView),
    rank: rankView(m.rank),
    withdrawLeftToday:
      m.rank.position === GUILD_LEADER_RANK
        ? null
        : withdrawAllowance(m.rank, withdrawn._sum.amount ?? 0),
    seasonRenown,
  };
}

export interface GuildRosterMember {
  id: string;
  name: string;
  level: number;
  class: string;
  rankId: string;
  rankName: string;
  rankPosition: number;
  /** online / afk / offline, and the district while in the world (the last saved one otherwise) */
  status: PresenceStatus;
  zoneId: string;
  lastSeenAt: number | null;
  joinedAt: number;
}

/** The members of a guild, highest rank first (members only). */
export async function guildRoster(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: { characterId: string; guildId: string },
): Promise<GuildRosterMember[]> {
  await requireMemberOf(deps, input.characterId, input.guildId);
  const rows = await deps.db.guildMember.findMany({
    where: { guildId: input.guildId },
    include: { character: true, rank: true },
    orderBy: [{ rank: { position: 'asc' } }, { joinedAt: 'asc' }],
    take: GUILD_MEMBERS_MAX,
  });
  const presence = await presenceOf(
    deps,
    rows.map((r) => r.characterId),
  );
  return rows.map((r) => ({
    id: r.character.id,
    name: r.character.name,
    level: r.character.level,
    class: r.character.class,
    rankId: r.rank.id,
    rankName: r.rank.name,
    rankPosition: r.rank.position,
    status: presence.get(r.characterId)?.status ?? 'offline',
    zoneId: presence.get(r.characterId)?.zoneId ?? r.character.zoneId,
    lastSeenAt: r.character.lastPlayedAt?.getTime() ?? null,
    joinedAt: r.joinedAt.getTime(),
  }));
}

export interface GuildPublicView {
  name: string;
  tag: string;
  level: number;
  memberCount: number;
  foundedAt: number;
  members: { name: string; level: number; class: string; rank: string; rankPosition: number }[];
  /** the guild's renown this season (null while no season is open) */
  seasonRenown: GuildSeasonRenown | null;
}

/**
 * The public page of a guild, by name (case ignored) or else by tag: no bank, no
 * message of the day, no ids. NOT_FOUND when neither matches.
 */
export async function guildPublic(
  deps: Pick<GameDeps, 'db'>,
  nameOrTag: string,
): Promise<GuildPublicView> {
  const key = nameOrTag.trim();
  const view =
    (await publicView(deps, { nameLower: key.toLowerCase() })) ??
    (/^[A-Za-z]{2,5}$/.test(key) ? await publicView(deps, { tag: key.toUpperCase() }) : null);
  if (!view) throw new DomainError('NOT_FOUND', `guild ${key} not found`, 'No such guild.');
  return view;
}

/** The public view of the guild with exactly this tag (the /guilds/TAG page), or null. */
export const guildPublicByTag = (
  deps: Pick<GameDeps, 'db'>,
  tag: string,
): Promise<GuildPublicView | null> => publicView(deps, { tag });

async function publicView(
  deps: Pick<GameDeps, 'db'>,
  where: { nameLower: string } | { tag: string },
): Promise<GuildPublicView | null> {
  const g = await deps.db.guild.findUnique({
    where,
    include: {
      members: {
        include: {
          character: { select: { name: true, level: true, class: true, deletedAt: true } },
          rank: { select: { name: true, position: true } },
        },
        orderBy: [{ rank: { position: 'asc' } }, { joinedAt: 'asc' }],
        take: GUILD_MEMBERS_MAX,
      },
    },
  });
  if (!g) return null;
  const members = g.members.filter((m) => m.character.deletedAt === null);
  return {
    name: g.name,
    tag: g.tag,
    level: guildLevel(g.members.length),
    memberCount: g.members.length,
    foundedAt: g.createdAt.getTime(),
    members: members.map((m) => ({
      name: m.character.name,
      level: m.character.level,
      class: m.character.class,
      rank: m.rank.name,
      rankPosition: m.rank.position,
    })),
    seasonRenown: await guildSeasonRenown(deps.db, g.id),
  };
}
