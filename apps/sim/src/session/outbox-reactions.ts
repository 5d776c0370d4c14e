/**
 * The sim's own outbox subscribers: they change nothing in the database, they make
 * the live sessions follow it. Both act after the drain commits (afterCommit) and
 * through the Socket.IO adapter, so the node that runs the worker reaches sockets
 * on every node.
 */
import type { KickMsg } from '@necp/shared';
import type { AccountAccessChangedPayload, OutboxSubscriber } from '@necp/game';

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
