import { describe, expect, it } from 'vitest';
import { parseChatLine } from './chat-commands';

describe('the chat input line', () => {
  it('sends plain text to the tab’s channel', () => {
    expect(parseChatLine('  hello  ', 'district')).toEqual({
      kind: 'send',
      channel: 'district',
      text: 'hello',
    });
    expect(parseChatLine('   ', 'global')).toEqual({ kind: 'empty' });
  });

  it('knows every channel command, case-insensitively', () => {
    const cases: [string, string][] = [
      ['/s hi', 'say'],
      ['/z hi', 'district'],
      ['/t hi', 'trade'],
      ['/P hi', 'party'],
      ['/g hi', 'guild'],
      ['/global hi', 'global'],
    ];
    for (const [line, channel] of cases)
      expect(parseChatLine(line, 'say')).toEqual({ kind: 'send', channel, text: 'hi' });
    expect(parseChatLine('/s', 'say')).toEqual({
      kind: 'error',
      message: 'Type a message after /s.',
    });
  });

  it('whispers by name, replies, ignores and invites', () => {
    expect(parseChatLine('/w Vex-9 meet at the metro', 'global')).toEqual({
      kind: 'send',
      channel: 'whisper',
      to: 'Vex-9',
      text: 'meet at the metro',
    });
    expect(parseChatLine('/w Vex', 'global')).toEqual({
      kind: 'error',
      message: 'Usage: /w name message',
    });
    expect(parseChatLine('/w V@x hi', 'global').kind).toBe('error');
    expect(parseChatLine('/r on my way', 'global')).toEqual({ kind: 'reply', text: 'on my way' });
    expect(parseChatLine('/ignore Spammer', 'global')).toEqual({ kind: 'ignore', name: 'Spammer' });
    expect(parseChatLine('/unignore Spammer', 'global')).toEqual({
      kind: 'unignore',
      name: 'Spammer',
    });
    expect(parseChatLine('/invite Vex', 'global')).toEqual({ kind: 'invite', name: 'Vex' });
    // one name after /trade asks that player to trade; more words go to the trade channel
    expect(parseChatLine('/trade Vex', 'global')).toEqual({ kind: 'trade', name: 'Vex' });
    expect(parseChatLine('/TRADE selling a katana', 'say')).toEqual({
      kind: 'send',
      channel: 'trade',
      text: 'selling a katana',
    });
    expect(parseChatLine('/ignore', 'global')).toEqual({
      kind: 'error',
      message: 'Usage: /ignore name',
    });
  });

  it('names unknown commands and points at /help', () => {
    expect(parseChatLine('/help', 'say')).toEqual({ kind: 'help' });
    expect(parseChatLine('/dance', 'say')).toEqual({
      kind: 'error',
      message: 'Unknown command /dance. Type /help.',
    });
  });
});
