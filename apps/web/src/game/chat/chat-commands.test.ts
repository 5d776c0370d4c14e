import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@necp/shared';
import { createGameStore } from '../store/game-store';
import { ChatCommands } from './chat-commands';
import { PartyCommands } from '../party/party-commands';
import type { SimSocket } from '../net/sim-socket';

const ME = 'me-id';

/** A connected socket whose acks come from `answer`; every emit is recorded. */
function setup(answer: (event: string, payload: unknown) => unknown) {
  const sent: { event: string; payload: unknown }[] = [];
  const socket = {
    connected: true,
    timeout: () => ({
      emitWithAck: (event: string, payload: unknown) => {
        sent.push({ event, payload });
        return Promise.resolve(answer(event, payload));
      },
    }),
  } as unknown as SimSocket;
  const store = createGameStore();
  const party = new PartyCommands({ socket: () => socket, store });
  const chat = new ChatCommands({
    socket: () => socket,
    store,
    selfId: ME,
    invite: (name) => party.invite(name, party.chatLine),
    trade: async () => true,
  });
  const lines = () => store.getState().chat.lines.map((l) => `${l.local ?? l.channel}:${l.text}`);
  return { sent, store, chat, lines };
}

const echo = (_e: string, p: unknown): unknown => {
  const { channel, text, to } = p as { channel: ChatMessage['channel']; text: string; to?: string };
  return { ok: true, data: { id: `id-${text}`, channel, fromId: ME, from: 'Me', to, text, at: 1 } };
};

describe('chat commands', () => {
  it('plain text goes to the tab’s channel (All → district) and shows the acked message', async () => {
    const { chat, sent, lines } = setup(echo);
    expect(await chat.sendLine('hello', 'all')).toBe(true);
    expect(await chat.sendLine('wts katana', 'trade')).toBe(true);
    expect(sent.map((s) => s.payload)).toEqual([
      { channel: 'district', text: 'hello' },
      { channel: 'trade', text: 'wts katana' },
    ]);
    expect(lines()).toEqual(['district:hello', 'trade:wts katana']);
  });

  it('a refusal is a red line and keeps the text', async () => {
    const { chat, lines } = setup(() => ({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'You are sending messages too fast. Wait 7 s.' },
    }));
    expect(await chat.sendLine('spam', 'all')).toBe(false);
    expect(lines()).toEqual(['error:You are sending messages too fast. Wait 7 s.']);
  });

  it('/r answers the last whisperer; without one it says so', async () => {
    const { chat, sent, store, lines } = setup(echo);
    expect(await chat.sendLine('/r hey', 'all')).toBe(false);
    expect(lines()).toEqual(['error:Nobody has whispered you yet.']);
    store
      .getState()
      .chatReceive(
        [{ id: 'w1', channel: 'whisper', fromId: 'v', from: 'Vee', to: 'Me', text: 'yo', at: 2 }],
        { selfId: ME },
      );
    expect(await chat.sendLine('/r hey', 'all')).toBe(true);
    expect(sent.at(-1)?.payload).toEqual({ channel: 'whisper', text: 'hey', to: 'Vee' });
  });

  it('/help and parse errors stay on this side', async () => {
    const { chat, sent, lines } = setup(echo);
    await chat.sendLine('/help', 'all');
    await chat.sendLine('/nope', 'all');
    expect(sent).toEqual([]);
    expect(lines().at(-1)).toMatch(/^error:Unknown command \/nope/);
    expect(lines().length).toBeGreaterThan(5);
  });

  it('/invite name sends a party invitation; the outcome is a chat line', async () => {
    const { chat, sent, lines } = setup((event, p) =>
      (p as { name: string }).name === 'Vee'
        ? { ok: true, data: { name: 'Vee' } }
        : { ok: false, error: { code: 'NOT_FOUND', message: 'Nobody is called Zed.' } },
    );
    expect(await chat.sendLine('/invite Vee', 'all')).toBe(true);
    expect(sent).toEqual([{ event: 'party:invite', payload: { name: 'Vee' } }]);
    expect(lines().at(-1)).toBe('info:You invited Vee to your party.');
    expect(await chat.sendLine('/invite Zed', 'all')).toBe(false);
    expect(lines().at(-1)).toBe('error:Nobody is called Zed.');
  });

  it('reporting marks the line and thanks the player', async () => {
    const { chat, store, sent, lines } = setup(() => ({ ok: true, data: undefined }));
    store
      .getState()
      .chatReceive([{ id: 'm1', channel: 'global', fromId: 'v', from: 'Vee', text: 'x', at: 1 }], {
        selfId: ME,
      });
    expect(await chat.report('m1')).toBe(true);
    expect(sent).toEqual([{ event: 'chat:report', payload: { messageId: 'm1' } }]);
    expect(store.getState().chat.lines[0]?.reported).toBe(true);
    expect(lines().at(-1)).toBe('info:Reported. Thank you.');
  });
});
