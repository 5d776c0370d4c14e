/**
 * A player reports a chat message: kept for moderators with the ten messages before
 * and after it in the same channel, as they were then. One report per message per
 * reporter (again is a no-op). Only a message the reporter could read is reportable:
 * a whisper by its two ends, a party or guild message by a member of that party or
 * guild (whose history shows its channel: chat-history.ts). Anything else is "gone",
 * so a report cannot copy another guild's private lines into the queue.
 */
import { ChatReportSchema, type ChatReport } from '@necp/shared';
import type { ChatMessage as ChatRow } from '@necp/db';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { toWire } from './chat-rows';

const CONTEXT = 10;

/** Whether `readerId` can read the message (its channel's audience, as chatHistory serves it). */
async function couldRead(
  deps: Pick<GameDeps, 'db'>,
  m: ChatRow,
  readerId: string,
): Promise<boolean> {
  switch (m.channel) {
    case 'whisper':
      return m.senderId === readerId || m.recipientId === readerId;
    case 'guild': {
      const g = await deps.db.guildMember.findUnique({ where: { characterId: readerId } });
      return g?.guildId === m.scope;
    }
    case 'party': {
      const p = await deps.db.partyMember.findUnique({ where: { characterId: readerId } });
      return p?.partyId === m.scope;
    }
    default:
      // global, trade, district, say: public channels
      return true;
  }
}

export async function reportMessage(
  deps: Pick<GameDeps, 'db'>,
  input: ChatReport & { reporterId: string },
): Promise<{ reported: true }> {
  const { messageId, reason } = parseInput(ChatReportSchema, input);
  const m = await deps.db.chatMessage.findUnique({ where: { id: messageId } });
  if (!m || !(await couldRead(deps, m, input.reporterId)))
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
