import { describe, expect, it } from 'vitest';
import { chatHudCommands } from '../chat/chat-hud-commands';
import { combatHudCommands } from '../combat/combat-hud-commands';
import { itemHudCommands } from '../items/item-hud-commands';
import { matchHudCommands } from '../matchmaking/match-hud-commands';
import { partyHudCommands } from '../party/party-hud-commands';
import { createGameStore } from '../store/game-store';
import { worldHudCommands } from '../world/world-hud-commands';

const none = () => null;

describe("the features' HUD commands", () => {
  it('before the client exists (or after it stopped) every command refuses quietly', async () => {
    const store = createGameStore();
    const asks = [
      worldHudCommands(none).travel('westbrook'),
      itemHudCommands(none).useItem('i1'),
      itemHudCommands(none).dropToGround('i1', 2),
      chatHudCommands(none, store).sendChat('hi'),
      chatHudCommands(none, store).ignore('Someone'),
      partyHudCommands(none, store).partyInvite('Someone'),
      partyHudCommands(none, store).lootRoll('d1', 'need'),
      matchHudCommands(none).matchQueue({ queue: 'arena', bracket: '1v1' }),
    ];
    expect(await Promise.all(asks)).toEqual(asks.map(() => false));
    expect(combatHudCommands(none).clearTarget()).toBe(false);
    expect(() => worldHudCommands(none).interact()).not.toThrow();
    expect(() => matchHudCommands(none).instanceLeave()).not.toThrow();
  });

  it("a command reaches the client's feature as it is when called (the client may be replaced)", async () => {
    const store = createGameStore();
    store.getState().chatSelectTab('party');
    const lines: string[] = [];
    let current: { chat: { sendLine: (l: string, tab: string) => Promise<boolean> } } | null = null;
    const chat = chatHudCommands(() => current as never, store);
    expect(await chat.sendChat('before')).toBe(false);
    current = {
      chat: { sendLine: async (l, tab) => (lines.push(`${tab}:${l}`), true) },
    };
    expect(await chat.sendChat('hello')).toBe(true);
    expect(lines).toEqual(['party:hello']);
  });
});
