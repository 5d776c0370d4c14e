/**
 * The staff rank rule, one for every action on an account (ban, unban, mute, unmute):
 * the actor is staff and ranks strictly above the target (shared `outranks`), and
 * nobody acts on themselves. Both account rows are locked (id order), so a role change
 * racing the action waits for it.
 */
import { outranks } from '@necp/shared';
import type { Tx } from '../core/deps';
import { lockAccounts, type LockedAccount } from '../accounts/lock-accounts';
import { accountNotFound, DomainError } from '../core/errors';

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
    'You can only ban, unban, mute or unmute accounts below your own role',
  );

/** Locks both accounts and enforces the rank rule: the target's row, or a FORBIDDEN/NOT_FOUND. */
export async function lockModeratedAccount(
  tx: Tx,
  actorId: string,
  targetId: string,
): Promise<LockedAccount> {
  if (targetId === actorId) throw cannotModerate();
  const { actor, target } = await lockAccounts(tx, actorId, targetId);
  if (!actor || !outranks(actor.role, 'PLAYER')) throw staffOnly();
  if (!target) throw accountNotFound(targetId);
  if (!outranks(actor.role, target.role)) throw cannotModerate();
  return target;
}
