/** ChatMessage rows ↔ what clients receive. */
import type { ChatChannel, ChatMessage as WireMessage } from '@necp/shared';
import type { ChatMessage as Row } from '@necp/db';

export function toWire(row: Row): WireMessage {
  const m: WireMessage = {
    id: row.id,
    channel: row.channel as ChatChannel,
    text: row.text,
    at: row.createdAt.getTime(),
  };
  if (row.senderId) m.fromId = row.senderId;
  if (row.senderName) m.from = row.senderName;
  if (row.recipientId) m.toId = row.recipientId;
  if (row.recipientName) m.to = row.recipientName;
  return m;
}

/** A whisper's scope: the two ends' ids, sorted, so both ends read one thread. */
export const whisperScope = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);
