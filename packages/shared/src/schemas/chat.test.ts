import { describe, expect, it } from 'vitest';
import { CHAT_MAX_LENGTH } from '../chat/chat-rules';
import { ChatSendSchema } from './chat';

describe('chat:send payloads', () => {
  it('refuse empty, over-long, control-character and ill-formed text and unknown channels', () => {
    const ok = { channel: 'global', text: 'hi' };
    expect(ChatSendSchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      { ...ok, text: '' },
      { ...ok, text: '   ' },
      { ...ok, text: 'x'.repeat(CHAT_MAX_LENGTH + 1) },
      { ...ok, text: 'a\u0000b' },
      { ...ok, text: 'a\u0007b' },
      { ...ok, text: 'a\uD800b' },
      { ...ok, channel: 'system' },
      { ...ok, channel: 'admin' },
      { ...ok, channel: 'whisper', to: 'x'.repeat(100) },
      { ...ok, channel: 'whisper', to: 'bad name' },
    ])
      expect(ChatSendSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
    expect(ChatSendSchema.safeParse({ ...ok, text: 'x'.repeat(CHAT_MAX_LENGTH) }).success).toBe(
      true,
    );
  });
});
