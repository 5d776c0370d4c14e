/**
 * The chat window's state as pure functions (the game store keeps it, the chat
 * window draws it): the last CHAT_LOG_MAX lines deduped by id, unread counts per
 * tab, who whispered last (for /r) and the line's own local notices (refusals,
 * /help). Server messages arrive twice for the sender (the ack and the broadcast)
 * and again in every history after a reconnect: the id keeps one copy.
 */
import type { ChatChannel, ChatMessage, SendableChannel } from '@necp/shared';

export const CHAT_TABS = [
  'all',
  'party',
  'district',
  'say',
  'trade',
  'global',
  'whispers',
] as const;
export type ChatTab = (typeof CHAT_TABS)[number];

export const CHAT_TAB_LABEL: Record<ChatTab, string> = {
  all: 'All',
  party: 'Party',
  district: 'District',
  say: 'Say',
  trade: 'Trade',
  global: 'Global',
  whispers: 'Whispers',
};

/** Where plain text typed in a tab goes (the whispers tab answers the last partner instead). */
export const TAB_CHANNEL: Record<ChatTab, SendableChannel> = {
  all: 'district',
  party: 'party',
  district: 'district',
  say: 'say',
  trade: 'trade',
  global: 'global',
  whispers: 'whisper',
};

/** Lines kept (the oldest go first). */
export const CHAT_LOG_MAX = 300;

/** A line of the window: a server message, or a notice of this client (`local`). */
export interface ChatLine extends ChatMessage {
  /** written by this client: a refusal (red) or information (/help, "Reported.") */
  local?: 'error' | 'info';
  /** the player reported it (its flag button is gone) */
  reported?: boolean;
}

export interface ChatLogState {
  lines: ChatLine[];
  unread: Record<ChatTab, number>;
  tab: ChatTab;
  /** expanded (false: only the title bar with the unread count) */
  open: boolean;
  /** the name of the last player who whispered us (/r) */
  lastWhisperFrom: string | null;
  /** the last whisper partner either way (plain text in the whispers tab) */
  lastWhisperWith: string | null;
}

const noUnread = (): Record<ChatTab, number> => ({
  all: 0,
  party: 0,
  district: 0,
  say: 0,
  trade: 0,
  global: 0,
  whispers: 0,
});

export const initialChatLog = (): ChatLogState => ({
  lines: [],
  unread: noUnread(),
  tab: 'all',
  open: true,
  lastWhisperFrom: null,
  lastWhisperWith: null,
});

const TAB_CHANNELS: Record<Exclude<ChatTab, 'all'>, ChatChannel> = {
  party: 'party',
  district: 'district',
  say: 'say',
  trade: 'trade',
  global: 'global',
  whispers: 'whisper',
};

/** Whether a tab shows the line: All shows everything; notices and system lines show everywhere. */
export function tabShows(tab: ChatTab, line: ChatLine): boolean {
  if (tab === 'all' || line.local || line.channel === 'system') return true;
  return TAB_CHANNELS[tab] === line.channel;
}

/** A line someone else wrote (its name can be whispered and the line reported). */
export const fromOther = (line: ChatLine, selfId: string) =>
  !line.local && !!line.fromId && line.fromId !== selfId;

/**
 * Server messages in: new ids appended (a history is merged in time order),
 * capped, whisper partners remembered. Live messages from others count as
 * unread in every tab that shows them and is not on screen; a history does not
 * (it was read, or is old news).
 */
export function receiveMessages(
  state: ChatLogState,
  messages: readonly ChatMessage[],
  opts: { selfId: string; history?: boolean },
): ChatLogState {
  const seen = new Set(state.lines.map((l) => l.id));
  const fresh: ChatMessage[] = [];
  for (const m of messages) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    fresh.push(m);
  }
  if (fresh.length === 0) return state;
  let lines: ChatLine[] = [...state.lines, ...fresh];
  // a history may hold messages older than lines already here (a reconnect)
  if (opts.history) lines = [...lines].sort((a, b) => a.at - b.at);
  if (lines.length > CHAT_LOG_MAX) lines = lines.slice(-CHAT_LOG_MAX);
  let { lastWhisperFrom, lastWhisperWith } = state;
  const unread = { ...state.unread };
  for (const m of fresh) {
    const mine = m.fromId === opts.selfId;
    if (m.channel === 'whisper') {
      if (!mine && m.from) lastWhisperFrom = lastWhisperWith = m.from;
      else if (mine && m.to) lastWhisperWith = m.to;
    }
    if (opts.history || mine) continue;
    for (const tab of CHAT_TABS)
      if (tabShows(tab, m) && !(state.open && tab === state.tab)) unread[tab]++;
  }
  return { ...state, lines, unread, lastWhisperFrom, lastWhisperWith };
}

/** A notice of this client (never unread: the player is looking at the window). */
export function addNotice(
  state: ChatLogState,
  notice: { id: string; kind: 'error' | 'info'; text: string; at: number },
): ChatLogState {
  const line: ChatLine = {
    id: notice.id,
    channel: 'system',
    text: notice.text,
    at: notice.at,
    local: notice.kind,
  };
  return { ...state, lines: [...state.lines, line].slice(-CHAT_LOG_MAX) };
}

/** Switching tabs reads the new one. */
export function selectTab(state: ChatLogState, tab: ChatTab): ChatLogState {
  return { ...state, tab, unread: { ...state.unread, [tab]: 0 } };
}

/** Expanding the window reads its tab; collapsed, every new line counts as unread. */
export function setOpen(state: ChatLogState, open: boolean): ChatLogState {
  if (!open) return { ...state, open };
  return { ...state, open, unread: { ...state.unread, [state.tab]: 0 } };
}

export function markReported(state: ChatLogState, id: string): ChatLogState {
  return {
    ...state,
    lines: state.lines.map((l) => (l.id === id ? { ...l, reported: true } : l)),
  };
}

/** What the collapsed title bar shows: every unread line once (the All tab counts each). */
export const totalUnread = (state: ChatLogState) => state.unread.all;
