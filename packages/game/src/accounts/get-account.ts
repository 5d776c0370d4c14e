import type { GameDeps } from '../core/deps';
import { accountNotFound } from '../core/errors';
import { accountViewSelect, type AccountView } from './account-view';

export async function getAccount(deps: GameDeps, userId: string): Promise<AccountView> {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: accountViewSelect });
  if (!user) throw accountNotFound(userId);
  return user;
}
