'use client';
/**
 * The chat window, bottom left above "where you are": tabs with unread counts,
 * the lines of the active tab (time, [channel], sender, text), and the input.
 * Enter (use-hotkeys) puts the cursor in the input; Enter there sends and leaves,
 * Esc leaves without sending. A name whispers its player ("/w Name "), ⚑ reports
 * a line. Resized by the grip at its top-right corner (it grows upwards, away from
 * the bars), collapsed to its title bar — on phones it starts collapsed.
 */
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type FormEvent,
  type PointerEvent,
} from 'react';
import { CHAT_LINKS_MAX, CHAT_MAX_LENGTH, itemLinkToken } from '@necp/shared';
import { linksInLine, type PendingLink } from './item-links';
import { CHAT_TABS, CHAT_TAB_LABEL, TAB_CHANNEL, tabShows, type ChatTab } from './chat-log';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { CHANNEL_LABEL, Line } from './chat-line';

/** the phone layouts (mobile.css, chat-input-links.css): the chat starts as a collapsed strip */
export const SMALL_SCREEN = '(max-width: 720px), (pointer: coarse) and (max-height: 500px)';
const SIZE_KEY = 'necp.chat.size';
const MIN_W = 280;
const MIN_H = 140;
const MAX_W = 760;
/** the top edge stays below your card (health) … */
const TOP_CLEARANCE = 150;
/** … and below the party frames (party.css: from 160 px, a header and ~42 px per member) */
const partyClearance = (others: number) => (others > 0 ? 160 + 24 + 42 * others : 0);

interface Size {
  w: number;
  h: number;
}

const badge = (n: number) => (n > 99 ? '99+' : String(n));

function loadSize(): Size | null {
  try {
    const raw = JSON.parse(localStorage.getItem(SIZE_KEY) ?? 'null') as unknown;
    if (raw && typeof raw === 'object' && 'w' in raw && 'h' in raw) {
      const { w, h } = raw;
      if (typeof w === 'number' && typeof h === 'number') return { w, h };
    }
  } catch {
    // a broken or blocked storage: the default size
  }
  return null;
}

export function ChatWindow() {
  const { characterId, commands } = useGameSession();
  const chat = useGame((s) => s.chat);
  const focusRequest = useGame((s) => s.chatFocusRequest);
  const draft = useGame((s) => s.chatDraft);
  const linkRequest = useGame((s) => s.chatLinkRequest);
  /** items shift-clicked into the input: sent with the line while their [Name] stays in it */
  const pendingLinks = useRef<PendingLink[]>([]);
  const linked = useRef(0);
  const selectTab = useGame((s) => s.chatSelectTab);
  const setOpen = useGame((s) => s.chatSetOpen);
  const partyOthers = useGame((s) => Math.max(0, (s.party.party?.members.length ?? 1) - 1));
  const clearance = Math.max(TOP_CLEARANCE, partyClearance(partyOthers));
  const [text, setText] = useState('');
  const [size, setSize] = useState<Size | null>(null);
  const busy = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const focused = useRef(0);
  const { open, tab, unread } = chat;
  const lines = chat.lines.filter((l) => tabShows(tab, l));

  // phones start with the strip collapsed; a desktop gets the size it was left at
  useEffect(() => {
    if (window.matchMedia(SMALL_SCREEN).matches) setOpen(false);
    else setSize(loadSize());
  }, [setOpen]);

  // Enter outside an input (use-hotkeys) or a friend's Whisper: the store opened the
  // window, the draft (if any) goes in, the cursor after it
  useEffect(() => {
    if (focusRequest === focused.current || !open) return;
    focused.current = focusRequest;
    input.current?.focus();
    if (draft === null) return;
    setText(draft);
    // the draft is in the input after the next render
    requestAnimationFrame(() => {
      const el = input.current;
      el?.setSelectionRange(el.value.length, el.value.length);
    });
  }, [focusRequest, open, draft]);

  // shift-click on an item: its [Name] at the end of the input, the cursor after it
  useEffect(() => {
    if (!linkRequest || linkRequest.n === linked.current || !open) return;
    linked.current = linkRequest.n;
    pendingLinks.current = [...pendingLinks.current, linkRequest].slice(-CHAT_LINKS_MAX * 2);
    setText((t) => `${t}${t && !t.endsWith(' ') ? ' ' : ''}${itemLinkToken(linkRequest.name)} `);
    requestAnimationFrame(() => {
      const el = input.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });
  }, [linkRequest, open]);

  // newest at the bottom, unless the player scrolled up to read
  useLayoutEffect(() => {
    const el = list.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines.length, tab, open]);

  const whisper = (name: string) => {
    setText(`/w ${name} `);
    if (!open) setOpen(true);
    requestAnimationFrame(() => {
      const el = input.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy.current) return;
    const line = text;
    busy.current = true;
    stick.current = true;
    try {
      const done = await commands.sendChat(line, linksInLine(line, pendingLinks.current));
      // refused: the text stays to fix or send again
      if (!done) return;
      setText((now) => (now === line ? '' : now));
      pendingLinks.current = [];
      input.current?.blur();
    } finally {
      busy.current = false;
    }
  };

  const startResize = (e: PointerEvent<HTMLSpanElement>) => {
    const box = e.currentTarget.parentElement?.getBoundingClientRect();
    if (!box) return;
    e.preventDefault();
    const grip = e.currentTarget;
    grip.setPointerCapture(e.pointerId);
    const start = { x: e.clientX, y: e.clientY, w: box.width, h: box.height };
    const maxW = Math.min(MAX_W, window.innerWidth - box.left - 16);
    const maxH = box.bottom - clearance;
    let last: Size = { w: box.width, h: box.height };
    const move = (ev: globalThis.PointerEvent) => {
      last = {
        w: Math.round(Math.max(MIN_W, Math.min(maxW, start.w + ev.clientX - start.x))),
        h: Math.round(Math.max(MIN_H, Math.min(maxH, start.h - (ev.clientY - start.y)))),
      };
      setSize(last);
    };
    const up = () => {
      grip.removeEventListener('pointermove', move);
      grip.removeEventListener('pointerup', up);
      grip.removeEventListener('pointercancel', up);
      try {
        localStorage.setItem(SIZE_KEY, JSON.stringify(last));
      } catch {
        // not kept: the next visit starts at the default size
      }
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', up);
    grip.addEventListener('pointercancel', up);
  };

  const target =
    tab === 'whispers'
      ? chat.lastWhisperWith
        ? `To ${chat.lastWhisperWith}`
        : 'Whisper'
      : CHANNEL_LABEL[TAB_CHANNEL[tab]];

  if (!open)
    return (
      <section className="chat is-collapsed" data-testid="chat-window" data-open="false">
        <button
          type="button"
          className="chat__bar"
          aria-label="Open chat"
          aria-expanded={false}
          onClick={() => setOpen(true)}
        >
          <span className="chat__bar-title">
            <span className="chat__slash">//</span> chat
          </span>
          {unread.all > 0 && (
            <span className="chat__unread" data-testid="chat-unread-total">
              {badge(unread.all)}
            </span>
          )}
          <span className="chat__chevron" aria-hidden>
            ▴
          </span>
        </button>
      </section>
    );

  return (
    <section
      className="chat is-open"
      data-testid="chat-window"
      data-open="true"
      aria-label="Chat"
      style={
        {
          ...(size ? { width: size.w, height: size.h } : {}),
          // clear of your card and the party frames above (chat.css max-height)
          '--chat-top': `${clearance}px`,
        } as CSSProperties
      }
    >
      <header className="chat__head">
        <div className="chat__tabs" role="tablist" aria-label="Chat channels">
          {CHAT_TABS.filter(
            // the party tab while in a party (or while it holds something unread)
            (t) => t !== 'party' || partyOthers > 0 || unread.party > 0 || tab === 'party',
          ).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={t === tab}
              className={`chat__tab chat__tab--${t}${t === tab ? ' is-on' : ''}`}
              data-testid={`chat-tab-${t}`}
              onClick={() => {
                stick.current = true;
                selectTab(t);
              }}
            >
              {CHAT_TAB_LABEL[t]}
              {unread[t] > 0 && t !== tab && (
                <span className="chat__unread" data-testid={`chat-unread-${t}`}>
                  {badge(unread[t])}
                </span>
              )}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="chat__collapse"
          aria-label="Collapse chat"
          aria-expanded
          title="Collapse"
          onClick={() => setOpen(false)}
        >
          ▾
        </button>
      </header>
      <ol
        ref={list}
        className="chat__lines"
        aria-live="polite"
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {lines.length === 0 && (
          <li className="chat__empty">
            {emptyText(tab)} Type <kbd>/help</kbd> for commands.
          </li>
        )}
        {lines.map((l) => (
          <Line
            key={l.id}
            line={l}
            selfId={characterId}
            onName={whisper}
            onReport={(id) => void commands.reportChat(id)}
          />
        ))}
      </ol>
      <form className="chat__form" onSubmit={(e) => void submit(e)}>
        <span className={`chat__target chat__target--${TAB_CHANNEL[tab]}`}>{target}</span>
        <input
          ref={input}
          className="chat__input"
          data-testid="chat-input"
          aria-label="Chat message"
          placeholder="Message · /help"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="send"
          // room for a command and a name in front of the longest message
          maxLength={CHAT_MAX_LENGTH + 40}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="chat__send" aria-label="Send">
          ➤
        </button>
      </form>
      <span
        className="chat__grip"
        aria-hidden
        title="Drag to resize"
        data-testid="chat-resize"
        onPointerDown={startResize}
      />
    </section>
  );
}

function emptyText(tab: ChatTab) {
  switch (tab) {
    case 'whispers':
      return 'No whispers yet.';
    case 'say':
      return 'Nobody near you has said anything.';
    default:
      return 'Quiet on this channel.';
  }
}
