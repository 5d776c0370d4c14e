import type { GameDeps } from '../core/deps';
import { publishEvent } from '../outbox/publish-event';
import { LOGIN_SESSION_MAX_AGE_SECONDS } from './login-session';
import { inTransaction } from '../core/transaction';

/**
 * Signs out one session, server-side: its id is recorded so every copy of its token
 * (another tab, a stolen cookie) is refused from now on. Only this session ends; the
 * account's other devices stay signed in ("sign out everywhere" is revokeSessions).
 *
 * The row is kept until any copy of the token must have expired: a refused token is
 * never renewed, and the newest copy was renewed at the latest now, so now + the
 * token lifetime. Expired rows of the account are deleted here, which keeps the table
 * at most one row per sign-out per lifetime. Idempotent: a second call (the sign-out
 * button, then next-auth's own sign-out event) records nothing more.
 * The `account.access_changed` event (reason sign_out) commits with the row: the
 * sims disconnect the game sockets this session opened, and only those.
 */
export async function endSession(
  deps: GameDeps,
  input: { userId: string; sessionId: string; ip?: string | null },
): Promise<void> {
  const now = deps.clock.ms();
  await inTransaction(deps.db, async (tx) => {
    // an account deleted meanwhile has no session left to end (and no row to point at)
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) return;
    await tx.revokedSession.deleteMany({
      where: { userId: input.userId, expiresAt: { lte: new Date(now) } },
    });
    const { count } = await tx.revokedSession.createMany({
      data: [
        {
          id: input.sessionId,
          userId: input.userId,
          expiresAt: new Date(now + LOGIN_SESSION_MAX_AGE_SECONDS * 1000),
        },
      ],
      skipDuplicates: true,
    });
    if (count > 0) {
      await tx.authEvent.create({
        data: { userId: input.userId, kind: 'SIGN_OUT', ip: input.ip ?? null },
      });
      await publishEvent(tx, {
        type: 'account.access_changed',
        key: `account.access_changed:sign_out:${input.sessionId}`,
        payload: { userId: input.userId, reason: 'sign_out', sessionId: input.sessionId },
      });
    }
  });
}
