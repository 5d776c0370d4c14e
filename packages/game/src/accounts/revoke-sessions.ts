import type { Tx } from '../core/deps';

/** Why every session of an account ends (recorded as the audit event's kind). */
export type SessionRevocationKind =
  'SIGN_OUT' | 'SESSIONS_REVOKED' | 'PASSWORD_CHANGED' | 'ROLE_CHANGED' | 'BANNED';

/**
 * Ends every session of an account: login tokens carry the sessionVersion they were
 * minted with, and one carrying an older number is refused. Runs inside the caller's
 * transaction, so the revocation commits with the change that caused it.
 * Returns the new version.
 */
export async function revokeSessions(
  tx: Tx,
  input: { userId: string; kind: SessionRevocationKind; ip?: string | null; detail?: string },
): Promise<number> {
  const user = await tx.user.update({
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
  return user.sessionVersion;
}
