/**
 * The sim's own outbox subscribers: they change nothing in the database, they make
 * the live sessions follow it. Both act after the drain commits (afterCommit) and
 * through the Socket.IO adapter, so the node that runs the worker reaches sockets
 * on every node.
 */
import type { KickMsg } from '@necp/shared';
import type { AccountAccessChangedPayload, OutboxSubscriber } from '@necp/game';

/** Disconnects every socket of an account, on every node, with the reason shown to the player. */
export type AccessKick = (userId: string, msg: KickMsg) => void;

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
  role: null,
  unban: null,
};

export function accessSubscriber(kick: AccessKick): OutboxSubscriber<'account.access_changed'> {
  return {
    name: 'sim-access',
    types: ['account.access_changed'],
    handle: async (_tx, event, ctx) => {
      const msg = KICKS[event.payload.reason];
      if (msg) ctx.afterCommit(() => kick(event.payload.userId, msg));
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
