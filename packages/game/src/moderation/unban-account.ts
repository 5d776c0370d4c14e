import { UnbanInputSchema, type UnbanInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { isBanned } from '../accounts/ban-check';
import { parseInput } from '../core/validation';
import { publishEvent } from '../outbox/publish-event';
import { lockModeratedAccount } from './may-moderate';
import { inTransaction } from '../core/transaction';

/**
 * Lifts a ban (same rank rule as banning). The account signs in again itself: its old
 * sessions stay revoked. Audited (UNBANNED) and announced (`account.access_changed`,
 * reason 'unban') in the same transaction.
 */
export async function unbanAccount(
  deps: GameDeps,
  input: UnbanInput & { actorId: string; ip?: string | null },
): Promise<{ userId: string }> {
  const { userId } = parseInput(UnbanInputSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const target = await lockModeratedAccount(tx, input.actorId, userId);
    if (!isBanned(target, deps.clock.ms()))
      throw new DomainError('INVALID_STATE', 'account is not banned', 'This account is not banned');
    await tx.user.update({ where: { id: userId }, data: { bannedUntil: null, banReason: null } });
    const event = await tx.authEvent.create({
      data: { userId, kind: 'UNBANNED', ip: input.ip ?? null, detail: `by ${input.actorId}` },
      select: { id: true },
    });
    await publishEvent(tx, {
      type: 'account.access_changed',
      key: `account.access_changed:unban:${event.id}`,
      payload: { userId, reason: 'unban' },
    });
    return { userId };
  });
}
