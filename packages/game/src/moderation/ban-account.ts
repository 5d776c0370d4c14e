import { BanInputSchema, type BanInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { PERMANENT_BAN_UNTIL } from '../accounts/ban-check';
import { revokeSessions } from '../accounts/revoke-sessions';
import { parseInput } from '../core/validation';
import { lockModeratedAccount } from './may-moderate';
import { inTransaction } from '../core/transaction';

export interface BanView {
  userId: string;
  /** PERMANENT_BAN_UNTIL for a ban with no end */
  bannedUntil: Date;
  reason: string;
}

/**
 * A moderator or admin bans an account, for `durationHours` or for good. In one
 * transaction: the ban, every session of the account revoked (a BANNED audit row and
 * an `account.access_changed` event the sims act on). Staff may ban only accounts
 * ranked below them (may-moderate.ts: a moderator cannot ban staff). Banning again replaces the ban.
 */
export async function banAccount(
  deps: GameDeps,
  input: BanInput & { actorId: string; ip?: string | null },
): Promise<BanView> {
  const { userId, reason, durationHours } = parseInput(BanInputSchema, input);
  const bannedUntil =
    durationHours === undefined
      ? PERMANENT_BAN_UNTIL
      : new Date(deps.clock.ms() + durationHours * 3_600_000);
  return inTransaction(deps.db, async (tx) => {
    await lockModeratedAccount(tx, input.actorId, userId);
    await tx.user.update({ where: { id: userId }, data: { bannedUntil, banReason: reason } });
    await revokeSessions(tx, {
      userId,
      kind: 'BANNED',
      ip: input.ip ?? null,
      detail: `until ${bannedUntil.toISOString()} by ${input.actorId}: ${reason}`,
    });
    return { userId, bannedUntil, reason };
  });
}
