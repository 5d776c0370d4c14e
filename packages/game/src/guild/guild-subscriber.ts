/**
 * Guild changes made through the web API, as the players' sockets see them: rooms
 * (guild chat) and guild:update / guild:invited pushes, on every process.
 */
import { emitTo, toCharacters, type Push } from '@necp/shared';
import type { OutboxSubscriber } from '../outbox/subscribers';
import { isGuildInviteOpen } from './guild-invites';
import { guildIdsOf } from './read-guild';

type GuildEventType =
  'guild.member_joined' | 'guild.member_left' | 'guild.disbanded' | 'guild.invited';

/**
 * A character's sockets follow its membership: out of the `stale` guilds' rooms, in
 * `guildId`'s (null: in no guild), then told guild:update { guildId }.
 */
export function guildMembershipPushes(
  characterId: string,
  guildId: string | null,
  stale: readonly string[],
): Push[] {
  const out: Push[] = stale
    .filter((g) => g !== guildId)
    .map((g) => ({ kind: 'leave', characters: [characterId], room: { guild: g } }) as const);
  if (guildId) out.push({ kind: 'join', characters: [characterId], room: { guild: guildId } });
  out.push(emitTo(toCharacters(characterId), 'guild:update', { guildId }));
  return out;
}

/**
 * Accept, leave, kick, disband and founding move the members' sockets in and out of
 * the guild's room and tell the rest of the roster to refetch; an invitation is
 * pushed to the invitee. Idempotent and order-proof: the rooms follow the membership
 * read from the database when the event is handled, not the event, so a redelivered
 * or late event (joined, then left, handled the other way round) never leaves a
 * socket in a room its character is not a member of (room joins and leaves repeat
 * harmlessly).
 */
export function guildOutboxSubscriber(): OutboxSubscriber<GuildEventType> {
  return {
    name: 'sim-guild',
    types: ['guild.member_joined', 'guild.member_left', 'guild.disbanded', 'guild.invited'],
    handle: async (tx, event, ctx) => {
      if (event.type === 'guild.invited') {
        const { toId, ...msg } = event.payload;
        // accepted, declined or dropped by now (or the guild is gone): nothing to show
        if (!(await isGuildInviteOpen(tx, msg.inviteId, toId))) return;
        ctx.push(emitTo(toCharacters(toId), 'guild:invited', msg));
        return;
      }
      const { guildId } = event.payload;
      const ids =
        event.type === 'guild.disbanded' ? event.payload.memberIds : [event.payload.characterId];
      if (ids.length === 0) return;
      const now = await guildIdsOf(tx, ids);
      for (const id of ids) ctx.push(...guildMembershipPushes(id, now.get(id) ?? null, [guildId]));
      if (event.type !== 'guild.disbanded')
        ctx.push(
          emitTo(
            { guild: guildId },
            'guild:update',
            { guildId },
            {
              character: event.payload.characterId,
            },
          ),
        );
    },
  };
}
