import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@necp/shared';
import {
  CHAT_LOG_MAX,
  addNotice,
  initialChatLog,
  markReported,
  receiveMessages,
  selectTab,
  setOpen,
  tabShows,
  totalUnread,
} from './chat-log';

const ME = 'me-id';
let seq = 0;
const msg = (over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${++seq}`,
  channel: 'district',
  fromId: 'vee-id',
  from: 'Vee',
  text: 'hi',
  at: 1_000 + seq,
  ...over,
});

describe('chat log', () => {
  it('keeps one copy per id (the ack, the broadcast and a later history)', () => {
    const m = msg({ fromId: ME, from: 'Me' });
    let s = receiveMessages(initialChatLog(), [m], { selfId: ME });
    s = receiveMessages(s, [m], { selfId: ME });
    s = receiveMessages(s, [msg(), m], { selfId: ME, history: true });
    expect(s.lines.filter((l) => l.id === m.id)).toHaveLength(1);
    expect(s.lines).toHaveLength(2);
  });

  it('merges a history in time order and keeps the newest CHAT_LOG_MAX lines', () => {
    const live = msg({ at: 5_000 });
    const older = msg({ at: 100 });
    let s = receiveMessages(initialChatLog(), [live], { selfId: ME });
    s = receiveMessages(s, [older], { selfId: ME, history: true });
    expect(s.lines.map((l) => l.id)).toEqual([older.id, live.id]);

    const many = Array.from({ length: CHAT_LOG_MAX + 20 }, () => msg());
    s = receiveMessages(s, many, { selfId: ME });
    expect(s.lines).toHaveLength(CHAT_LOG_MAX);
    expect(s.lines.at(-1)!.id).toBe(many.at(-1)!.id);
  });

  it('counts unread per tab for live lines of others, not for own lines or a history', () => {
    let s = initialChatLog(); // open, on All
    s = receiveMessages(s, [msg({ channel: 'trade' })], { selfId: ME });
    expect(s.unread).toMatchObject({ all: 0, trade: 1, district: 0, whispers: 0 });
    s = receiveMessages(s, [msg({ channel: 'trade', fromId: ME })], { selfId: ME });
    s = receiveMessages(s, [msg({ channel: 'global' })], { selfId: ME, history: true });
    expect(s.unread.trade).toBe(1);
    expect(s.unread.global).toBe(0);

    s = selectTab(s, 'trade');
    expect(s.unread.trade).toBe(0);
    s = receiveMessages(s, [msg({ channel: 'district' })], { selfId: ME });
    expect(s.unread).toMatchObject({ all: 1, district: 1, trade: 0 });
  });

  it('collapsed, every tab counts (the active one too); opening reads the active tab', () => {
    let s = setOpen(initialChatLog(), false);
    s = receiveMessages(s, [msg(), msg()], { selfId: ME });
    expect(totalUnread(s)).toBe(2);
    s = setOpen(s, true);
    expect(s.unread.all).toBe(0);
    expect(s.unread.district).toBe(2);
  });

  it('remembers who whispered last (/r) and the last partner either way', () => {
    let s = receiveMessages(
      initialChatLog(),
      [msg({ channel: 'whisper', from: 'Vee', to: 'Me', toId: ME })],
      { selfId: ME },
    );
    expect(s.lastWhisperFrom).toBe('Vee');
    expect(s.unread.whispers).toBe(1);
    s = receiveMessages(
      s,
      [msg({ channel: 'whisper', fromId: ME, from: 'Me', to: 'Jackie', toId: 'j' })],
      { selfId: ME },
    );
    expect(s.lastWhisperFrom).toBe('Vee');
    expect(s.lastWhisperWith).toBe('Jackie');
  });

  it('notices show in every tab and reported lines are marked', () => {
    let s = addNotice(initialChatLog(), { id: 'local-1', kind: 'error', text: 'No.', at: 1 });
    const line = s.lines[0]!;
    expect(line.local).toBe('error');
    expect(tabShows('whispers', line)).toBe(true);
    expect(tabShows('trade', msg({ channel: 'district' }))).toBe(false);
    const m = msg();
    s = receiveMessages(s, [m], { selfId: ME });
    s = markReported(s, m.id);
    expect(s.lines.find((l) => l.id === m.id)?.reported).toBe(true);
  });
});
