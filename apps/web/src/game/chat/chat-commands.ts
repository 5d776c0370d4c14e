/**
 * The chat input line to the sim: parsed with the shared parseChatLine (slash
 * commands, whispers, /r), sent as chat:send / chat:ignore / chat:unignore /
 * chat:report. Refusals (mutes, flood, unknown names) and parse errors become red
 * lines in the chat window, never toasts: the player is looking at the chat.
 */
import {
  CHAT_HELP,
  CHAT_MAX_LENGTH,
  ChatMessageSchema,
  parseChatLine,
  type Ack,
  type ChatMessage,
  type PlayerReportReason,
  type SendableChannel,
} from '@necp/shared';
import { TAB_CHANNEL, type ChatTab } from './chat-log';
import type { GameStore } from '../store/game-store';
import { sendCommand } from '../net/ack';
import type { Pushes } from '../net/push-receiver';
import type { SimSocket } from '../net/sim-socket';
import type { SocketFeature } from '../net/socket-feature';

export interface ChatCommandDeps {
  socket: () => SimSocket | null;
  store: GameStore;
  /** the own character (its lines are not unread, and cannot be reported) */
  selfId: string;
  /** /invite name: a party invitation, its outcome told as a chat line */
  invite: (name: string) => Promise<boolean>;
  /** /trade name: a trade request, its outcome told as a chat line */
  trade: (name: string) => Promise<boolean>;
}

type ChatEvent = 'chat:send' | 'chat:ignore' | 'chat:unignore' | 'chat:report' | 'player:report';

export class ChatCommands implements SocketFeature {
  constructor(private deps: ChatCommandDeps) {}

  /** One message live (our own come back too), the history after entering the world. */
  wire(pushes: Pushes): void {
    pushes.on('chat:message', (msg) => this.store.chatReceive([msg], { selfId: this.deps.selfId }));
    pushes.on('chat:history', (msg) =>
      this.store.chatReceive(msg.messages, { selfId: this.deps.selfId, history: true }),
    );
  }

  private get store() {
    return this.deps.store.getState();
  }

  private error(text: string) {
    this.store.chatNotice('error', text);
  }

  private info(text: string) {
    this.store.chatNotice('info', text);
  }

  /**
   * Sends through sendCommand; any failure (a refusal, offline, no answer) is told by
   * `fail` — a red line unless the caller (the player menu) wants a toast.
   */
  private async call<T>(
    event: ChatEvent,
    payload: object,
    fail: (text: string) => void = (text) => this.error(text),
  ): Promise<Ack<T>> {
    const res = await sendCommand<T>(this.deps.socket(), event, payload);
    if (!res.ok) fail(res.error.message);
    return res;
  }

  /**
   * One line of the input, typed in `tab`. True when it was handled (the input
   * clears); false when it was refused (the text stays, to fix or send again).
   */
  async sendLine(line: string, tab: ChatTab, links: string[] = []): Promise<boolean> {
    const trimmed = line.trim();
    // plain text in the whispers tab continues the last conversation
    if (tab === 'whispers' && trimmed !== '' && !trimmed.startsWith('/')) {
      const to = this.store.chat.lastWhisperWith;
      if (!to) {
        this.error('Whisper someone first: /w name message');
        return false;
      }
      return this.send('whisper', trimmed, to, links);
    }
    const parsed = parseChatLine(line, TAB_CHANNEL[tab]);
    switch (parsed.kind) {
      case 'empty':
        return true;
      case 'error':
        this.error(parsed.message);
        return false;
      case 'help':
        for (const h of CHAT_HELP) this.info(h);
        return true;
      case 'invite':
        return this.deps.invite(parsed.name);
      case 'trade':
        return this.deps.trade(parsed.name);
      case 'reply': {
        const to = this.store.chat.lastWhisperFrom;
        if (!to) {
          this.error('Nobody has whispered you yet.');
          return false;
        }
        return this.send('whisper', parsed.text, to, links);
      }
      case 'send':
        return this.send(parsed.channel, parsed.text, parsed.to, links);
      case 'ignore':
      case 'unignore':
        return this.ignore(parsed.kind, parsed.name);
    }
  }

  private async send(
    channel: SendableChannel,
    text: string,
    to?: string,
    links: string[] = [],
  ): Promise<boolean> {
    if (text.length > CHAT_MAX_LENGTH) {
      this.error(`A message is at most ${CHAT_MAX_LENGTH} characters.`);
      return false;
    }
    const res = await this.call<ChatMessage>('chat:send', {
      channel,
      text,
      ...(to ? { to } : {}),
      ...(links.length > 0 ? { links } : {}),
    });
    if (!res.ok) return false;
    // the broadcast brings the same message (same id) too: whichever comes first shows
    const sent = ChatMessageSchema.safeParse(res.data);
    if (sent.success) this.store.chatReceive([sent.data], { selfId: this.deps.selfId });
    return true;
  }

  /**
   * /ignore, /unignore — and the player menu's Ignore, which passes `toast` to tell
   * the outcome as a toast instead of a chat line.
   */
  async ignore(
    kind: 'ignore' | 'unignore',
    name: string,
    toast?: (kind: 'info' | 'warn', text: string) => void,
  ): Promise<boolean> {
    const res = await this.call<{ name: string }>(
      `chat:${kind}`,
      { name },
      toast && ((text) => toast('warn', text)),
    );
    if (!res.ok) return false;
    const who = res.data?.name ?? name;
    const text =
      kind === 'ignore'
        ? `You ignore ${who} now (/unignore ${who} to see their messages again).`
        : `You no longer ignore ${who}.`;
    if (toast) toast('info', text);
    else this.info(text);
    return true;
  }

  /** The ⚑ button of a line: moderators get it with its context. */
  async report(messageId: string): Promise<boolean> {
    const res = await this.call('chat:report', { messageId });
    if (!res.ok) return false;
    this.store.chatReported(messageId);
    this.info('Reported. Thank you.');
    return true;
  }

  /** The player menu's Report: told as a toast (the menu is where the player looks). */
  async reportPlayer(
    name: string,
    reason: PlayerReportReason,
    note: string,
    toast: (kind: 'info' | 'warn', text: string) => void,
  ): Promise<boolean> {
    const res = await this.call(
      'player:report',
      { name, reason, ...(note ? { note } : {}) },
      (text) => toast('warn', text),
    );
    if (!res.ok) return false;
    toast('info', `You reported ${name}. A moderator will look at it. Thank you.`);
    return true;
  }
}
