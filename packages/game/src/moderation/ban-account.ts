import { BanInputSchema, outranks, type BanInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { PERMANENT_BAN_UNTIL } from '../accounts/ban-check';
import { lockAccounts } from '../accounts/lock-accounts';
import { revokeSessions } from '../accounts/revoke-sessions';
import { accountNotFound } from '../accounts/set-role';
import { parseInput } from '../accounts/validation';

export interface BanView {
  userId: string;
  /** PERMANENT_BAN_UNTIL for a ban with no end */
  bannedUntil: Date;
  reason: string;
}

export const staffOnly = () =>
  new DomainError(
    'FORBIDDEN',
    'moderation by a non-staff account',
    'You do not have permission to do that',
  );

export const cannotModerate = () =>
  new DomainError(
    'FORBIDDEN',
    'target ranks at or above the actor',
    'You can only ban or unban accounts below your own role',
  );

/**
 * A moderator or admin bans an account, for `durationHours` or for good. In one
 * transaction: the ban, every session of the account revoked (a BANNED audit row and
 * an `account.access_changed` event the sims act on). Staff may ban only accounts
 * ranked below them (a moderator cannot ban staff). Banning again replaces the ban.
 */
export async function banAccount(
  deps: GameDeps,
  input: BanInput & { actorId: string; ip?: string | null },
): Promise<BanView> {
  const { userId, reason, durationHours } = parseInput(BanInputSchema, input);
  if (userId === input.actorId) throw cannotModerate();
  const bannedUntil =
    durationHours === undefined
      ? PERMANENT_BAN_UNTIL
      : new Date(deps.clock.ms() + durationHours * 3_600_000);
  return deps.db.$transaction(async (tx) => {
    const { actor, target } = await lockAccounts(tx, input.actorId, userId);
    if (!actor || !outranks(actor.role, 'PLAYER')) throw staffOnly();
    if (!target) throw accountNotFound(userId);
    if (!outranks(actor.role, target.role)) throw cannotModerate();
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
