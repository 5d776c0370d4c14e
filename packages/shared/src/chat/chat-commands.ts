/**
 * The chat input line: plain text goes to the tab's channel; a leading "/" is a
 * command. Pure, so the client parses as the player types and tests pin every
 * form. The server never trusts this: it re-checks channel, target and text.
 */
import type { SendableChannel } from './chat-rules';

export type ChatLine =
  | { kind: 'send'; channel: SendableChannel; text: string; to?: string }
  | { kind: 'reply'; text: string }
  | { kind: 'ignore'; name: string }
  | { kind: 'unignore'; name: string }
  | { kind: 'invite'; name: string }
  /** ask a player near you to trade (one name after /trade; more words: the trade channel) */
  | { kind: 'trade'; name: string }
  | { kind: 'help' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

const CHANNEL_COMMANDS: Record<string, SendableChannel> = {
  s: 'say',
  say: 'say',
  z: 'district',
  district: 'district',
  g: 'guild',
  guild: 'guild',
  p: 'party',
  party: 'party',
  trade: 'trade',
  t: 'trade',
  global: 'global',
  all: 'global',
};

/** What `/help` lists (the chat window shows it as system lines). */
export const CHAT_HELP: readonly string[] = [
  '/s text — say (players near you)',
  '/z text — district chat',
  '/trade name — ask a player near you to trade',
  '/t text — trade channel (also /trade with two words or more)',
  '/global text — global channel',
  '/p text — party · /g text — guild',
  '/w name text — whisper · /r text — reply to the last whisper',
  '/ignore name · /unignore name — stop (or again see) a player’s messages',
  '/invite name — invite to your party',
];

const NAME = /^[A-Za-z0-9-]{1,16}$/;

export function parseChatLine(line: string, tabChannel: SendableChannel): ChatLine {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (!trimmed.startsWith('/')) return { kind: 'send', channel: tabChannel, text: trimmed };
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
  const cmd = m?.[1]?.toLowerCase() ?? '';
  const rest = m?.[2]?.trim() ?? '';
  if (cmd === 'help' || cmd === '?') return { kind: 'help' };
  // one name after /trade: a trade request to that player; more words: the trade channel
  if (cmd === 'trade' && NAME.test(rest)) return { kind: 'trade', name: rest };
  const channel = CHANNEL_COMMANDS[cmd];
  if (channel) {
    if (rest === '') return { kind: 'error', message: `Type a message after /${cmd}.` };
    return { kind: 'send', channel, text: rest };
  }
  if (cmd === 'w' || cmd === 'whisper' || cmd === 'tell') {
    const w = /^(\S+)\s+([\s\S]+)$/.exec(rest);
    if (!w) return { kind: 'error', message: 'Usage: /w name message' };
    const to = w[1]!;
    if (!NAME.test(to)) return { kind: 'error', message: `No character is called “${to}”.` };
    return { kind: 'send', channel: 'whisper', to, text: w[2]!.trim() };
  }
  if (cmd === 'r' || cmd === 'reply') {
    if (rest === '') return { kind: 'error', message: 'Type a message after /r.' };
    return { kind: 'reply', text: rest };
  }
  if (cmd === 'ignore' || cmd === 'unignore' || cmd === 'invite') {
    if (!NAME.test(rest)) return { kind: 'error', message: `Usage: /${cmd} name` };
    return { kind: cmd, name: rest };
  }
  return { kind: 'error', message: `Unknown command /${cmd.slice(0, 20)}. Type /help.` };
}
