/**
 * The outbox events of guild membership, written in the transaction of the change
 * (so they commit exactly when it does): the sim's reaction moves the members'
 * sockets in and out of the guild's chat room on whichever node holds them, and
 * tells them to refetch (apps/sim/src/session/outbox-reactions.ts). A key names the
 * change itself, so a retried write publishes once: a membership is its row (the
 * character, the guild, when it joined), joined and left; an invitation its row as written.
 */
import type { Tx } from '../core/deps';
import type { GuildInvitedPayload, GuildMemberLeftPayload } from '../outbox/events';
import { publishEvent } from '../outbox/publish-event';

/** A GuildMember row, made or deleted: what names its events. */
export interface GuildMembership {
  guildId: string;
  characterId: string;
  joinedAt: Date;
}

const membership = (m: GuildMembership) =>
  `${m.characterId}:${m.guildId}:${m.joinedAt.toISOString()}`;

export async function publishGuildJoined(tx: Tx, m: GuildMembership): Promise<void> {
  await publishEvent(tx, {
    type: 'guild.member_joined',
    key: `guild.member_joined:${membership(m)}`,
    payload: { guildId: m.guildId, characterId: m.characterId },
  });
}

export async function publishGuildLeft(
  tx: Tx,
  m: GuildMembership,
  reason: GuildMemberLeftPayload['reason'],
): Promise<void> {
  await publishEvent(tx, {
    type: 'guild.member_left',
    key: `guild.member_left:${membership(m)}`,
    payload: { guildId: m.guildId, characterId: m.characterId, reason },
  });
}

export async function publishGuildDisbanded(
  tx: Tx,
  guildId: string,
  memberIds: readonly string[],
): Promise<void> {
  await publishEvent(tx, {
    type: 'guild.disbanded',
    // a guild is disbanded once
    key: `guild.disbanded:${guildId}`,
    payload: { guildId, memberIds: [...memberIds] },
  });
}

/**
 * An invitation sent again while it is open refreshes its row (the same id): who sent it
 * and until when name that send.
 */
export async function publishGuildInvited(tx: Tx, payload: GuildInvitedPayload): Promise<void> {
  await publishEvent(tx, {
    type: 'guild.invited',
    key: `guild.invited:${payload.inviteId}:${payload.fromId}:${payload.expiresAt}`,
    payload,
  });
}
