import type { GameDeps } from '../core/deps';
import { revokeSessions } from './revoke-sessions';
import { inTransaction } from '../core/transaction';

/** The account page's "Sign out everywhere": every login token of the account is refused, this one included. */
export async function signOutEverywhere(
  deps: GameDeps,
  input: { userId: string; ip?: string | null },
): Promise<void> {
  await inTransaction(deps.db, (tx) =>
    revokeSessions(tx, { userId: input.userId, kind: 'SESSIONS_REVOKED', ip: input.ip ?? null }),
  );
}
