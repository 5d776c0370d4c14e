/**
 * The sim's own outbox subscribers: they change nothing in the database, they make
 * the live sessions follow it. Both act after the drain commits (afterCommit) and
 * through the Socket.IO adapter, so the node that runs the worker reaches sockets
 * on every node.
 */
import type { GuildInvitedMsg, KickMsg, NotificationView } from '@necp/shared';
import {
  guildIdsOf,
  isGuildInviteOpen,
  shownTitle,
  type AccountAccessChangedPayload,
  type Clock,
  type OutboxSubscriber,
} from '@necp/game';

/** Whose sockets go: all of an account's, or those one web login session opened. */
export type KickTarget = { userId: string } | { sessionId: string };

/** Disconnects the target's sockets, on every node, with the reason shown to the player. */
export type AccessKick = (target: KickTarget, msg: KickMsg) => void;

/**
 * What an access change does to open sockets. A role change needs nothing here:
 * whatever grants reads the role from the database on use (admin:loot). Unban
 * changes nothing for sockets that cannot exist.
 */
const KICKS: Record<AccountAccessChangedPayload['reason'], KickMsg | null> = {
  ban: { reason: 'banned', message: 'This account has been suspended.' },
  sessions: { reason: 'signed_out', message: 'You were signed out everywhere.' },
  password: {
    reason: 'signed_out',
    message: 'The password was changed, so every session ended. Sign in again.',
  },
  // only the signed-out session's sockets (handle below): the account's other devices play on
  sign_out: {
    reason: 'signed_out',
    message: 'This session was signed out. Sign in again to play.',
  },
  role: null,
  unban: null,
};

export function accessSubscriber(kick: AccessKick): OutboxSubscriber<'account.access_changed'> {
  return {
    name: 'sim-access',
    types: ['account.access_changed'],
    handle: async (_tx, event, ctx) => {
      const { userId, reason, sessionId } = event.payload;
      const msg = KICKS[reason];
      // a sign-out without its session's id names nothing to disconnect
      const target: KickTarget | null =
        reason !== 'sign_out' ? { userId } : sessionId ? { sessionId } : null;
      if (msg && target) ctx.afterCommit(() => kick(target, msg));
    },
  };
}

/** Re-reads a character's stats wherever it is connected (character.stats_changed). */
export function statsSubscriber(
  refresh: (characterId: string) => void,
): OutboxSubscriber<'character.stats_changed'> {
  return {
    name: 'sim-stats',
    types: ['character.stats_changed'],
    handle: async (_tx, event, ctx) => {
      ctx.afterCommit(() => refresh(event.payload.characterId));
    },
  };
}

/**
 * A character chose another title (character.title_changed): the zone holding it
 * shows the one stored now (read here, so a late or repeated event never brings an
 * older choice back) to everyone who sees it.
 */
export function titleSubscriber(
  retitle: (characterId: string, title: string | null) => void,
): OutboxSubscriber<'character.title_changed'> {
  return {
    name: 'sim-title',
    types: ['character.title_changed'],
    handle: async (tx, event, ctx) => {
      const { characterId } = event.payload;
      const title = await shownTitle(tx, characterId);
      if (title === undefined) return;
      ctx.afterCommit(() => retitle(characterId, title));
    },
  };
}

/** What guild changes do to live sockets, on every node (outbox-wiring.ts: rooms and pushes). */
export interface GuildReactions {
  /**
   * The character's sockets follow its membership: in `guildId`'s room (null: in no
   * guild), out of the `stale` guilds' rooms, and told guild:update { guildId }.
   */
  membership(characterId: string, guildId: string | null, stale: readonly string[]): void;
  /** the guild's roster changed: its members refetch (guild:update), except `characterId` */
  rosterChanged(guildId: string, characterId: string): void;
  /** guild:invited to the invitee's sockets */
  invited(characterId: string, msg: GuildInvitedMsg): void;
}

type GuildEventType =
  'guild.member_joined' | 'guild.member_left' | 'guild.disbanded' | 'guild.invited';

/**
 * Guild membership changes made through the web API (accept, leave, kick, disband,
 * founding) move the members' sockets in and out of the guild's chat room; an
 * invitation is pushed to the invitee. Idempotent and order-proof: the rooms follow
 * the membership read from the database when the event is handled, not the event,
 * so a redelivered or late event (joined, then left, handled the other way round)
 * never leaves a socket in a room its character is not a member of.
 */
export function guildSubscriber(react: GuildReactions): OutboxSubscriber<GuildEventType> {
  return {
    name: 'sim-guild',
    types: ['guild.member_joined', 'guild.member_left', 'guild.disbanded', 'guild.invited'],
    handle: async (tx, event, ctx) => {
      if (event.type === 'guild.invited') {
        const { toId, ...msg } = event.payload;
        // accepted, declined or dropped by now (or the guild is gone): nothing to show
        if (!(await isGuildInviteOpen(tx, msg.inviteId, toId))) return;
        ctx.afterCommit(() => react.invited(toId, msg));
        return;
      }
      const { guildId } = event.payload;
      const ids =
        event.type === 'guild.disbanded' ? event.payload.memberIds : [event.payload.characterId];
      if (ids.length === 0) return;
      const now = await guildIdsOf(tx, ids);
      ctx.afterCommit(() => {
        for (const id of ids) react.membership(id, now.get(id) ?? null, [guildId]);
        if (event.type !== 'guild.disbanded')
          react.rosterChanged(guildId, event.payload.characterId);
      });
    },
  };
}

/**
 * A notification became visible (notification.created): pushed to the character's
 * sockets as notification:new. One still in the future (mail on its way) is not
 * pushed: the bell finds it when it reads the list after its time.
 */
export function notificationSubscriber(
  clock: Pick<Clock, 'ms'>,
  push: (characterId: string, msg: Omit<NotificationView, 'read'>) => void,
): OutboxSubscriber<'notification.created'> {
  return {
    name: 'sim-notifications',
    types: ['notification.created'],
    handle: async (_tx, event, ctx) => {
      const p = event.payload;
      if (p.visibleAt > clock.ms()) return;
      ctx.afterCommit(() =>
        push(p.characterId, {
          id: p.notificationId,
          kind: p.kind,
          title: p.title,
          body: p.body,
          at: p.visibleAt,
        }),
      );
    },
  };
}
