import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { accountViewSelect, type AccountView } from './account-view';

export async function getAccount(deps: GameDeps, userId: string): Promise<AccountView> {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: accountViewSelect });
  if (!user) throw new DomainError('NOT_FOUND', `user ${userId} not found`, 'Account not found');
  return user;
}
