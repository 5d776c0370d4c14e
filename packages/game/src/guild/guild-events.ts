/**
 * The outbox events of guild membership, written in the transaction of the change
 * (so they commit exactly when it does): the sim's reaction moves the members'
 * sockets in and out of the guild's chat room on whichever node holds them, and
 * tells them to refetch (apps/sim/src/session/outbox-reactions.ts). Every change is
 * its own happening: the key carries a random id (a rolled-back try writes nothing).
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../core/deps';
import type { GuildInvitedPayload, GuildMemberLeftPayload } from '../outbox/events';
import { publishEvent } from '../outbox/publish-event';

export async function publishGuildJoined(
  tx: Tx,
  guildId: string,
  characterId: string,
): Promise<void> {
  await publishEvent(tx, {
    type: 'guild.member_joined',
    key: `guild.member_joined:${characterId}:${randomUUID()}`,
    payload: { guildId, characterId },
  });
}

export async function publishGuildLeft(
  tx: Tx,
  guildId: string,
  characterId: string,
  reason: GuildMemberLeftPayload['reason'],
): Promise<void> {
  await publishEvent(tx, {
    type: 'guild.member_left',
    key: `guild.member_left:${characterId}:${randomUUID()}`,
    payload: { guildId, characterId, reason },
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

export async function publishGuildInvited(tx: Tx, payload: GuildInvitedPayload): Promise<void> {
  await publishEvent(tx, {
    type: 'guild.invited',
    key: `guild.invited:${payload.inviteId}:${randomUUID()}`,
    payload,
  });
}
