/** The chat window's part of the game store: its log, tabs, focus and item-link requests. */
import type { ChatMessage } from '@necp/shared';
import type { Slice } from '../store/slice';
import { serverNow } from '../time/server-clock';
import {
  addNotice,
  initialChatLog,
  markReported,
  receiveMessages,
  selectTab,
  setOpen,
  type ChatLogState,
  type ChatTab,
} from './chat-log';

export interface ChatSliceState {
  /** the chat window (chat-log.ts) */
  chat: ChatLogState;
  /** bumped by Enter: the chat window focuses its input */
  chatFocusRequest: number;
  /** what that request puts in the input first ("/w Name " from the friends window); null: as it is */
  chatDraft: string | null;
  /** shift-click on an item: the chat input gets its [Name] (n counts requests) */
  chatLinkRequest: { itemId: string; name: string; n: number } | null;
}

export interface ChatSliceActions {
  /** chat:message / chat:history from the sim (`selfId`: whose own lines are not unread) */
  chatReceive: (
    messages: readonly ChatMessage[],
    opts: { selfId: string; history?: boolean },
  ) => void;
  /** a line of this client in the chat window: a refusal (red) or information */
  chatNotice: (kind: 'error' | 'info', text: string) => void;
  chatSelectTab: (tab: ChatTab) => void;
  chatSetOpen: (open: boolean) => void;
  chatReported: (messageId: string) => void;
  /** Enter: open the chat window and put the cursor in its input (after `draft`, when given) */
  focusChat: (draft?: string) => void;
  /** shift-click on an item: link it in the chat input */
  linkItemInChat: (itemId: string, name: string) => void;
}

export const chatSlice: Slice<ChatSliceState & ChatSliceActions> = (set, get) => {
  let nextNoticeId = 1;
  return {
    chat: initialChatLog(),
    chatFocusRequest: 0,
    chatDraft: null,
    chatLinkRequest: null,
    chatReceive: (messages, opts) => set({ chat: receiveMessages(get().chat, messages, opts) }),
    // in server time, as the server's lines are (a history is sorted by `at`)
    chatNotice: (kind, text) =>
      set({
        chat: addNotice(get().chat, { id: `local-${nextNoticeId++}`, kind, text, at: serverNow() }),
      }),
    chatSelectTab: (tab) => set({ chat: selectTab(get().chat, tab) }),
    chatSetOpen: (open) => set({ chat: setOpen(get().chat, open) }),
    chatReported: (id) => set({ chat: markReported(get().chat, id) }),
    focusChat: (draft) =>
      set({
        chat: setOpen(get().chat, true),
        chatFocusRequest: get().chatFocusRequest + 1,
        chatDraft: draft ?? null,
      }),
    linkItemInChat: (itemId, name) =>
      set({
        chat: setOpen(get().chat, true),
        chatLinkRequest: { itemId, name, n: (get().chatLinkRequest?.n ?? 0) + 1 },
      }),
  };
};
