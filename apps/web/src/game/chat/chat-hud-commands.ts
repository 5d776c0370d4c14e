/** What the HUD asks of chat: a line in the active tab, reports, blocks (chat/chat-commands.ts). */
import type { PlayerReportReason } from '@necp/shared';
import type { ChatCommands } from './chat-commands';
import type { GameStore } from '../store/game-store';

export interface ChatHudCommands {
  /** one line of the chat input (text or a /command) in the active tab; false: refused */
  sendChat: (line: string, links?: string[]) => Promise<boolean>;
  /** the ⚑ of a chat line (chat:report) */
  reportChat: (messageId: string) => Promise<boolean>;
  /** the player menu's Report (player:report), told as a toast */
  reportPlayer: (name: string, reason: PlayerReportReason, note: string) => Promise<boolean>;
  /** block a player by name (chat:ignore), told as a toast */
  ignore: (name: string) => Promise<boolean>;
  unignore: (name: string) => Promise<boolean>;
}

export const chatHudCommands = (
  client: () => { chat: ChatCommands } | null,
  store: GameStore,
): ChatHudCommands => {
  const chat = () => client()?.chat;
  const toast = () => store.getState().toast;
  return {
    sendChat: (line, links) =>
      chat()?.sendLine(line, store.getState().chat.tab, links) ?? Promise.resolve(false),
    reportChat: (id) => chat()?.report(id) ?? Promise.resolve(false),
    reportPlayer: (name, reason, note) =>
      chat()?.reportPlayer(name, reason, note, toast()) ?? Promise.resolve(false),
    ignore: (name) => chat()?.ignore('ignore', name, toast()) ?? Promise.resolve(false),
    unignore: (name) => chat()?.ignore('unignore', name, toast()) ?? Promise.resolve(false),
  };
};
