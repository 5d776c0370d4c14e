/**
 * What an access change does to open sockets: a ban, a sign-out everywhere or a new
 * password disconnects the account's sockets on every process (a sign-out only the
 * sockets its web login session opened), telling the player why.
 */
import type { KickMsg, KickPush } from '@necp/shared';
import type { AccountAccessChangedPayload } from '../outbox/events';
import type { OutboxSubscriber } from '../outbox/subscribers';

/**
 * A role change needs nothing here: whatever grants reads the role from the database
 * on use (admin:loot). Unban changes nothing for sockets that cannot exist.
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

export function accessOutboxSubscriber(): OutboxSubscriber<'account.access_changed'> {
  return {
    name: 'sim-access',
    types: ['account.access_changed'],
    handle: async (_tx, event, ctx) => {
      const { userId, reason, sessionId } = event.payload;
      const msg = KICKS[reason];
      // a sign-out without its session's id names nothing to disconnect
      const to: KickPush['to'] | null =
        reason !== 'sign_out' ? { user: userId } : sessionId ? { loginSession: sessionId } : null;
      if (msg && to) ctx.push({ kind: 'kick', to, msg });
    },
  };
}
