/**
 * What every guild write starts with: the guild's row lock (core/lock-order.ts step
 * 2b) and the acting member read again under it, with its rank. Kicks, rank changes,
 * withdrawals and disbanding of one guild all queue on that lock, so a check made
 * under it (a member cap, a daily limit, "still a member") holds until commit.
 */
import type { GuildRank } from '@necp/db';
import {
  GUILD_LEADER_RANK,
  GUILD_PERMISSIONS,
  type GuildPermission,
  type GuildPermissions,
} from '@necp/shared';
import type { Tx } from '../core/deps';
import { DomainError } from '../core/errors';

export const notInGuild = () =>
  new DomainError('INVALID_STATE', 'not in a guild', 'You are not in a guild.');
export const notAMember = () =>
  new DomainError('NOT_FOUND', 'not a guild member', 'That character is not in your guild.');
export const leaderOnly = () =>
  new DomainError('FORBIDDEN', 'guild leader only', 'Only the guild leader can do that.');
export const inviteGone = () =>
  new DomainError('NOT_FOUND', 'guild invite gone', 'That invitation is no longer valid.');

const RANK_COLUMN: Record<GuildPermission, keyof GuildRank> = {
  invite: 'canInvite',
  kick: 'canKick',
  promote: 'canPromote',
  motd: 'canEditMotd',
  deposit: 'canDeposit',
  withdraw: 'canWithdraw',
};

const WHAT: Record<GuildPermission, string> = {
  invite: 'invite players',
  kick: 'remove members',
  promote: 'promote or demote members',
  motd: 'change the message of the day',
  deposit: 'deposit into the guild bank',
  withdraw: 'withdraw from the guild bank',
};

/** The rank's permissions as a record (the leader's rank has all of them, always). */
export function rankPermissions(rank: GuildRank): GuildPermissions {
  return Object.fromEntries(
    GUILD_PERMISSIONS.map((p) => [
      p,
      rank.position === GUILD_LEADER_RANK || rank[RANK_COLUMN[p]] === true,
    ]),
  ) as GuildPermissions;
}

/** The rank's column for a permission (rank edits write these). */
export const rankColumn = (p: GuildPermission) => RANK_COLUMN[p];

/** FORBIDDEN unless the rank has the permission. */
export function requirePermission(rank: GuildRank, p: GuildPermission): void {
  if (!rankPermissions(rank)[p])
    throw new DomainError('FORBIDDEN', `guild rank lacks ${p}`, `Your rank cannot ${WHAT[p]}.`);
}

export interface LockedGuild {
  id: string;
  name: string;
  nameLower: string;
  tag: string;
  bankEddies: number;
}

/** Locks a guild's row; null when it is gone (disbanded). */
export async function lockGuild(tx: Tx, guildId: string): Promise<LockedGuild | null> {
  const rows = await tx.$queryRaw<LockedGuild[]>`
    SELECT "id", "name", "nameLower", "tag", "bankEddies" FROM "Guild"
    WHERE "id" = ${guildId} FOR UPDATE`;
  return rows[0] ?? null;
}

export interface GuildActor {
  guild: LockedGuild;
  characterId: string;
  rank: GuildRank;
}

/**
 * Locks the guild of `characterId` and returns it with the character's rank, read
 * under the lock (a kick or a disband that won the lock shows here as "not in a guild").
 */
export async function lockedActor(tx: Tx, characterId: string): Promise<GuildActor> {
  const m = await tx.guildMember.findUnique({ where: { characterId }, select: { guildId: true } });
  if (!m) throw notInGuild();
  const guild = await lockGuild(tx, m.guildId);
  if (!guild) throw notInGuild();
  const me = await tx.guildMember.findUnique({ where: { characterId }, include: { rank: true } });
  if (!me || me.guildId !== guild.id) throw notInGuild();
  return { guild, characterId, rank: me.rank };
}

/** Another member of the actor's guild, with its rank (NOT_FOUND if it is not one). */
export async function memberOfGuild(tx: Tx, guildId: string, memberId: string) {
  const m = await tx.guildMember.findUnique({
    where: { characterId: memberId },
    include: { rank: true, character: { select: { name: true } } },
  });
  if (!m || m.guildId !== guildId) throw notAMember();
  return m;
}

/** FORBIDDEN unless `target` ranks strictly below `actor` (kick, promote, demote). */
export function requireBelow(actor: GuildRank, target: GuildRank, what: string): void {
  if (target.position <= actor.position)
    throw new DomainError(
      'FORBIDDEN',
      `guild ${what} at or above own rank`,
      `You can only ${what} members below your own rank.`,
    );
}
