import { SetRoleInputSchema, type SetRoleInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { accountNotFound, DomainError } from '../core/errors';
import { publishEvent } from '../outbox/publish-event';
import { accountViewSelect, type AccountView } from './account-view';
import { lockAccounts } from './lock-accounts';
import { parseInput } from '../core/validation';
import { inTransaction } from '../core/transaction';

/**
 * An admin changes an account's role. Sessions are NOT revoked: every grant (web
 * pages, tRPC staff procedures, sim tickets, the sims' staff commands) reads the role
 * from the database, so the change applies at once without signing anyone out. The
 * ROLE_CHANGED audit row and an `account.access_changed` event (the sims re-check that
 * account's open sockets) commit with the change. An admin cannot change their own role
 * (so the last admin cannot demote themselves by mistake).
 */
export async function setRole(
  deps: GameDeps,
  input: SetRoleInput & { actorId: string; ip?: string | null },
): Promise<AccountView> {
  const { userId, role } = parseInput(SetRoleInputSchema, input);
  if (userId === input.actorId)
    throw new DomainError(
      'FORBIDDEN',
      'admin tried to change own role',
      'You cannot change your own role',
    );
  return inTransaction(deps.db, async (tx) => {
    const { actor, target } = await lockAccounts(tx, input.actorId, userId);
    if (actor?.role !== 'ADMIN')
      throw new DomainError(
        'FORBIDDEN',
        'setRole by a non-admin',
        'You do not have permission to do that',
      );
    if (!target) throw accountNotFound(userId);
    if (target.role === role)
      return tx.user.findUniqueOrThrow({ where: { id: userId }, select: accountViewSelect });
    const account = await tx.user.update({
      where: { id: userId },
      data: { role },
      select: accountViewSelect,
    });
    const event = await tx.authEvent.create({
      data: {
        userId,
        kind: 'ROLE_CHANGED',
        ip: input.ip ?? null,
        detail: `${target.role} -> ${role} by ${input.actorId}`,
      },
      select: { id: true },
    });
    await publishEvent(tx, {
      type: 'account.access_changed',
      key: `account.access_changed:role:${event.id}`,
      payload: { userId, reason: 'role' },
    });
    return account;
  });
}
