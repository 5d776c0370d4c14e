/**
 * The last CHAT_HISTORY_LIMIT messages of each channel a character may read — global,
 * trade, its district, its whispers, its party, its guild — oldest first, without what it blocks. Sent on
 * entering the world and when the client asks (after a reconnect).
 */
import { CHAT_HISTORY_LIMIT, type ChatMessage } from '@necp/shared';
import type { Prisma } from '@necp/db';
import type { GameDeps } from '../core/deps';
import { blockedBy } from './blocks';
import { toWire } from './chat-rows';

export async function chatHistory(
  deps: Pick<GameDeps, 'db'>,
  reader: { characterId: string; zoneId: string },
): Promise<ChatMessage[]> {
  const [blocked, party, guild] = await Promise.all([
    blockedBy(deps, reader.characterId),
    deps.db.partyMember.findUnique({ where: { characterId: reader.characterId } }),
    deps.db.guildMember.findUnique({
      where: { characterId: reader.characterId },
      select: { guildId: true },
    }),
  ]);
  const notBlocked: Prisma.ChatMessageWhereInput =
    blocked.length > 0 ? { NOT: { senderId: { in: blocked } } } : {};
  const last = (where: Prisma.ChatMessageWhereInput) =>
    deps.db.chatMessage.findMany({
      where: { AND: [where, notBlocked] },
      orderBy: { createdAt: 'desc' },
      take: CHAT_HISTORY_LIMIT,
    });
  const parts = await Promise.all([
    last({ channel: 'global', scope: '' }),
    last({ channel: 'trade', scope: '' }),
    last({ channel: 'district', scope: reader.zoneId }),
    last({
      channel: 'whisper',
      OR: [{ senderId: reader.characterId }, { recipientId: reader.characterId }],
    }),
    party ? last({ channel: 'party', scope: party.partyId }) : Promise.resolve([]),
    guild ? last({ channel: 'guild', scope: guild.guildId }) : Promise.resolve([]),
  ]);
  return parts
    .flat()
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
    .map(toWire);
}
