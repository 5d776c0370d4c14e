/**
 * A player reports a chat message: kept for moderators with the ten messages before
 * and after it in the same channel, as they were then. One report per message per
 * reporter (again is a no-op). Whispers can be reported by their two ends only.
 */
import { ChatReportSchema, type ChatReport } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../accounts/validation';
import { toWire } from './chat-rows';

const CONTEXT = 10;

export async function reportMessage(
  deps: Pick<GameDeps, 'db'>,
  input: ChatReport & { reporterId: string },
): Promise<{ reported: true }> {
  const { messageId, reason } = parseInput(ChatReportSchema, input);
  const m = await deps.db.chatMessage.findUnique({ where: { id: messageId } });
  const mayRead =
    m &&
    (m.channel !== 'whisper' ||
      m.senderId === input.reporterId ||
      m.recipientId === input.reporterId);
  if (!m || !mayRead)
    throw new DomainError('NOT_FOUND', `chat message ${messageId}`, 'That message is gone.');
  if (m.senderId === input.reporterId)
    throw new DomainError('VALIDATION', 'report own', 'You cannot report your own message.');
  const around = (dir: 'lt' | 'gt') =>
    deps.db.chatMessage.findMany({
      where: { channel: m.channel, scope: m.scope, createdAt: { [dir]: m.createdAt } },
      orderBy: { createdAt: dir === 'lt' ? 'desc' : 'asc' },
      take: CONTEXT,
    });
  const [before, after] = await Promise.all([around('lt'), around('gt')]);
  const context = [...before.reverse(), m, ...after].map((r) => ({
    ...toWire(r),
    original: r.original,
  }));
  await deps.db.chatReport.upsert({
    where: { messageId_reporterId: { messageId, reporterId: input.reporterId } },
    create: { messageId, reporterId: input.reporterId, reason: reason ?? null, context },
    update: {},
  });
  return { reported: true };
}
