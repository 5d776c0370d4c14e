import type { Tx } from '../core/deps';
import type { AccountAccessChangedPayload } from '../outbox/events';
import { publishEvent } from '../outbox/publish-event';

/** Why every session of an account ends (recorded as the audit event's kind). */
export type SessionRevocationKind =
  'SESSIONS_REVOKED' | 'PASSWORD_CHANGED' | 'ROLE_CHANGED' | 'BANNED';

const REASON: Record<SessionRevocationKind, AccountAccessChangedPayload['reason']> = {
  SESSIONS_REVOKED: 'sessions',
  PASSWORD_CHANGED: 'password',
  ROLE_CHANGED: 'role',
  BANNED: 'ban',
};

/**
 * Ends every session of an account: login tokens carry the sessionVersion they were
 * minted with, and one carrying an older number is refused. Runs inside the caller's
 * transaction, so the revocation commits with the change that caused it, together
 * with an audit row and an `account.access_changed` event (the sims re-check the
 * account's open sockets). Returns the new version.
 */
export async function revokeSessions(
  tx: Tx,
  input: { userId: string; kind: SessionRevocationKind; ip?: string | null; detail?: string },
): Promise<number> {
  const { sessionVersion } = await tx.user.update({
    where: { id: input.userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await tx.authEvent.create({
    data: {
      userId: input.userId,
      kind: input.kind,
      ip: input.ip ?? null,
      detail: input.detail ?? null,
    },
  });
  await publishEvent(tx, {
    type: 'account.access_changed',
    key: `account.access_changed:${input.userId}:${sessionVersion}`,
    payload: { userId: input.userId, reason: REASON[input.kind] },
  });
  return sessionVersion;
}
