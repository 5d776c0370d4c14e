/** ChatMessage rows ↔ what clients receive. */
import { z } from 'zod';
import { ChatItemLinkSchema, type ChatMessage as WireMessage } from '@necp/shared';
import type { ChatMessage as Row } from '@necp/db';
import { closedSet } from '../core/closed-columns';

export function toWire(row: Row): WireMessage {
  const m: WireMessage = {
    id: row.id,
    channel: closedSet.ChatMessage.channel.parse(row.channel),
    text: row.text,
    at: row.createdAt.getTime(),
  };
  if (row.senderId) m.fromId = row.senderId;
  if (row.senderName) m.from = row.senderName;
  if (row.recipientId) m.toId = row.recipientId;
  if (row.recipientName) m.to = row.recipientName;
  // written by postChat from the database's items; read back defensively all the same
  const links = z.array(ChatItemLinkSchema).safeParse(row.links);
  if (row.links && links.success && links.data.length > 0) m.links = links.data;
  return m;
}

/** A whisper's scope: the two ends' ids, sorted, so both ends read one thread. */
export const whisperScope = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);
