/**
 * Guild invitations: by character name, by a member whose rank may invite; valid
 * GUILD_INVITE_MS; accepted into the lowest rank (Recruit) if the guild still has
 * room. A player who blocks the inviter never receives it (the inviter is not told).
 */
import {
  GUILD_INVITE_MS,
  GUILD_INVITES_LIST_MAX,
  GUILD_INVITES_PENDING_MAX,
  GUILD_LOWEST_RANK,
  GUILD_MEMBERS_MAX,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { characterNotFound, DomainError } from '../core/errors';
import { lockCharacters } from '../core/lock-order';
import { isBlocked } from '../chat/blocks';
import { characterByName } from '../chat/characters-by-name';
import { inviteGone, lockedActor, lockGuild, requirePermission } from './guild-access';
import { publishGuildInvited, publishGuildJoined } from './guild-events';
import { notify } from '../notifications/notifications';
import { inTransaction } from '../core/transaction';

const guildFull = (whose: string) =>
  new DomainError('CONFLICT', 'guild full', `${whose} guild is full (${GUILD_MEMBERS_MAX}).`);

export interface GuildInviteSent {
  /** null when nothing was written (the invitee blocks you: you are not told) */
  inviteId: string | null;
  toId: string;
  name: string;
  expiresAt: number;
}

/** Invite a character by name into your guild. */
export async function inviteToGuild(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: { characterId: string; name: string },
): Promise<GuildInviteSent> {
  const me = input.characterId;
  const target = await characterByName(deps, input.name);
  if (target.id === me)
    throw new DomainError('VALIDATION', 'guild invite self', 'You cannot invite yourself.');
  const blocked = await isBlocked(deps, target.id, me);
  const expiresAt = new Date(deps.clock.ms() + GUILD_INVITE_MS);
  return inTransaction(deps.db, async (tx) => {
    // both ends before the guild (lock order 2 → 2b): the invite row references both
    const live = await lockCharacters(tx, [me, target.id]);
    if (!live.some((c) => c.id === me)) throw characterNotFound(me);
    if (!live.some((c) => c.id === target.id)) throw characterNotFound(target.id);
    const actor = await lockedActor(tx, me);
    requirePermission(actor.rank, 'invite');
    const theirs = await tx.guildMember.findUnique({ where: { characterId: target.id } });
    if (theirs)
      throw new DomainError(
        'CONFLICT',
        'already in a guild',
        theirs.guildId === actor.guild.id
          ? `${target.name} is already in your guild.`
          : `${target.name} is already in a guild.`,
      );
    const guildId = actor.guild.id;
    if ((await tx.guildMember.count({ where: { guildId } })) >= GUILD_MEMBERS_MAX)
      throw guildFull('Your');
    // the blocked side is not told: the invitation "goes out" and nothing is written
    if (blocked) return { inviteId: null, toId: target.id, name: target.name, expiresAt: 0 };
    await tx.guildInvite.deleteMany({ where: { guildId, expiresAt: { lte: deps.clock.now() } } });
    const existing = await tx.guildInvite.findUnique({
      where: { guildId_toId: { guildId, toId: target.id } },
      select: { id: true },
    });
    if (
      !existing &&
      (await tx.guildInvite.count({ where: { guildId } })) >= GUILD_INVITES_PENDING_MAX
    )
      throw new DomainError(
        'CONFLICT',
        'too many guild invites',
        `Your guild has ${GUILD_INVITES_PENDING_MAX} invitations waiting.`,
      );
    const invite = await tx.guildInvite.upsert({
      where: { guildId_toId: { guildId, toId: target.id } },
      create: { guildId, fromId: me, toId: target.id, expiresAt },
      update: { fromId: me, expiresAt },
    });
    // the invitee hears of it live (guild:invited), wherever it is connected
    const from = await tx.character.findUniqueOrThrow({
      where: { id: me },
      select: { name: true },
    });
    await publishGuildInvited(tx, {
      inviteId: invite.id,
      guildId,
      guildName: actor.guild.name,
      guildTag: actor.guild.tag,
      fromId: me,
      from: from.name,
      toId: target.id,
      expiresAt: expiresAt.getTime(),
    });
    await notify(tx, deps.clock.now(), {
      characterId: target.id,
      kind: 'guild_invite',
      title: `${from.name} invited you to [${actor.guild.tag}] ${actor.guild.name}`,
      body: 'Answer in the guild window (G).',
    });
    return {
      inviteId: invite.id,
      toId: target.id,
      name: target.name,
      expiresAt: expiresAt.getTime(),
    };
  });
}

export interface GuildInviteView {
  id: string;
  guildId: string;
  guildName: string;
  guildTag: string;
  fromId: string;
  from: string;
  expiresAt: number;
}

/** The invitations waiting for you (not expired), newest first. */
export async function listGuildInvites(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  characterId: string,
): Promise<GuildInviteView[]> {
  const rows = await deps.db.guildInvite.findMany({
    where: { toId: characterId, expiresAt: { gt: deps.clock.now() } },
    include: {
      guild: { select: { name: true, tag: true } },
      from: { select: { name: true } },
    },
    orderBy: { createdAt: 'desc' },
    take: GUILD_INVITES_LIST_MAX,
  });
  return rows.map((r) => ({
    id: r.id,
    guildId: r.guildId,
    guildName: r.guild.name,
    guildTag: r.guild.tag,
    fromId: r.fromId,
    from: r.from.name,
    expiresAt: r.expiresAt.getTime(),
  }));
}

/**
 * Accept an invitation made to you: not expired, you in no guild, the guild not
 * full — checked under your row lock and the guild's, so two accepts at once cannot
 * pass the cap. Joining drops your other invitations.
 */
export async function acceptGuildInvite(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: { characterId: string; inviteId: string },
): Promise<{ guildId: string }> {
  const me = input.characterId;
  return inTransaction(deps.db, async (tx) => {
    const live = await lockCharacters(tx, [me]);
    if (live.length === 0) throw characterNotFound(me);
    const invite = await tx.guildInvite.findFirst({ where: { id: input.inviteId, toId: me } });
    if (!invite || invite.expiresAt.getTime() <= deps.clock.ms()) throw inviteGone();
    if (await tx.guildMember.findUnique({ where: { characterId: me } }))
      throw new DomainError('CONFLICT', 'already in a guild', 'Leave your guild first.');
    const guild = await lockGuild(tx, invite.guildId);
    if (!guild) throw inviteGone();
    if ((await tx.guildMember.count({ where: { guildId: guild.id } })) >= GUILD_MEMBERS_MAX)
      throw guildFull('That');
    const recruit = await tx.guildRank.findUniqueOrThrow({
      where: { guildId_position: { guildId: guild.id, position: GUILD_LOWEST_RANK } },
    });
    const member = await tx.guildMember.create({
      data: { characterId: me, guildId: guild.id, rankId: recruit.id },
    });
    await tx.guildInvite.deleteMany({ where: { toId: me } });
    await publishGuildJoined(tx, member);
    return { guildId: guild.id };
  });
}

/** Decline an invitation made to you. */
export async function declineGuildInvite(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; inviteId: string },
): Promise<void> {
  const r = await deps.db.guildInvite.deleteMany({
    where: { id: input.inviteId, toId: input.characterId },
  });
  if (r.count === 0) throw inviteGone();
}

/** Whether the invitation is still open: not accepted, declined or dropped, its guild not gone. */
export async function isGuildInviteOpen(tx: Tx, inviteId: string, toId: string): Promise<boolean> {
  const live = await tx.guildInvite.findFirst({
    where: { id: inviteId, toId },
    select: { id: true },
  });
  return live !== null;
}
