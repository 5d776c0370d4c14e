/** Retention: messages older than CHAT_RETENTION_DAYS go, unless a report keeps them. */
import { CHAT_RETENTION_DAYS } from '@necp/shared';
import type { GameDeps } from '../core/deps';

export async function purgeOldChat(deps: Pick<GameDeps, 'db' | 'clock'>): Promise<number> {
  const before = new Date(deps.clock.ms() - CHAT_RETENTION_DAYS * 86_400_000);
  const r = await deps.db.chatMessage.deleteMany({
    where: { createdAt: { lt: before }, reports: { none: {} } },
  });
  return r.count;
}
