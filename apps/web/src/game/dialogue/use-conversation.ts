'use client';
/**
 * One conversation with a contact: opens it on the server (dialogue.open), sends
 * the player's picks (dialogue.choose), accepts and turns in quests at the contact,
 * and keeps the transcript the window shows. The server decides every line; a
 * refusal is a toast, and one on opening closes the window.
 */
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { DialogueOutcome, DialogueView, QuestView, TurnInResult } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useTRPCClient } from '@/trpc/react';
import { useRefresh, type Refreshable } from '../quests/use-quests';
import { useGameSession } from '../hud/game-session';
import { GameStoreContext } from '../hud/store-context';

export interface TranscriptLine {
  id: number;
  who: 'them' | 'you' | 'system';
  text: string;
  outcomes: DialogueOutcome[];
}

/** What each outcome means for the cached views. */
function touched(outcomes: DialogueOutcome[]): Refreshable[] {
  const out = new Set<Refreshable>(['quests']);
  for (const o of outcomes) {
    if (o.kind === 'reputation') out.add('reputation');
    if (o.kind === 'item' || o.kind === 'paid') out.add('inventory');
  }
  return [...out];
}

/** the transcript keeps the latest lines (a retried check adds four a try) */
const MAX_LINES = 60;

export function useConversation(contactId: string) {
  const api = useTRPCClient();
  const store = useContext(GameStoreContext);
  if (!store) throw new Error('useConversation must be used inside <GameView>');
  const { characterId, commands } = useGameSession();
  const refresh = useRefresh();
  const [view, setView] = useState<DialogueView | null>(null);
  const [lines, setLines] = useState<TranscriptLine[]>([]);
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState<TurnInResult | null>(null);
  const nextId = useRef(1);
  const busyRef = useRef(false);
  // a late answer for a window that was closed (or reopened for someone else) is dropped
  const alive = useRef(true);

  const push = useCallback((add: Omit<TranscriptLine, 'id'>[]) => {
    setLines((prev) =>
      [...prev, ...add.map((l) => ({ ...l, id: nextId.current++ }))].slice(-MAX_LINES),
    );
  }, []);

  const fail = useCallback(
    (err: unknown) => {
      store.getState().toast('warn', refusal(err));
    },
    [store],
  );

  // the node on screen, for deciding whether a refreshed view says anything new
  const nodeId = useRef<string | null>(null);

  /**
   * Shows a view from the server with its outcomes. What the contact says is added
   * to the transcript after a pick, on opening, and on a refresh (after accepting
   * or turning in) only when it moved to another node.
   */
  const show = useCallback(
    (v: DialogueView, how: 'open' | 'pick' | 'refresh') => {
      const said = how !== 'refresh' || v.node.id !== nodeId.current;
      nodeId.current = v.node.id;
      setView(v);
      setLines((prev) => {
        const add: TranscriptLine[] = [];
        if (v.node.text && said)
          add.push({ id: nextId.current++, who: 'them', text: v.node.text, outcomes: v.outcomes });
        else if (v.outcomes.length > 0)
          add.push({ id: nextId.current++, who: 'system', text: '', outcomes: v.outcomes });
        return [...prev, ...add].slice(-MAX_LINES);
      });
      // opening can advance a talk objective without saying so: the log is cheap to re-read
      refresh(touched(v.outcomes));
      if (v.openVendor && v.contact.vendor) store.getState().openVendor(v.contact.id);
    },
    [refresh, store],
  );

  /** Runs one request at a time; a second click while one is in flight is ignored. */
  const run = useCallback(
    async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
      if (busyRef.current) return undefined;
      busyRef.current = true;
      setBusy(true);
      try {
        return await fn();
      } catch (err) {
        if (alive.current) fail(err);
        return undefined;
      } finally {
        busyRef.current = false;
        if (alive.current) setBusy(false);
      }
    },
    [fail],
  );

  // open on mount (the window is keyed by contact, so a new contact is a new conversation)
  useEffect(() => {
    alive.current = true;
    let cancelled = false;
    api.dialogue.open
      .mutate({ characterId, contactId })
      .then((v) => {
        if (!cancelled) show(v, 'open');
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        fail(err);
        store.getState().closeDialogue();
      });
    return () => {
      cancelled = true;
      alive.current = false;
    };
  }, [api, characterId, contactId, show, fail, store]);

  const choose = useCallback(
    async (choiceId: string) => {
      const choice = view?.node.choices.find((c) => c.id === choiceId);
      if (!choice || choice.locked) return;
      const v = await run(() => api.dialogue.choose.mutate({ characterId, contactId, choiceId }));
      if (!v || !alive.current) return;
      setReceived(null);
      push([{ who: 'you', text: choice.text, outcomes: [] }]);
      // "Later." with nothing more to say just ends the conversation
      const nothingNew = !v.node.text || v.node.text === view?.node.text;
      if (v.ended && v.outcomes.length === 0 && !v.openVendor && nothingNew) {
        store.getState().closeDialogue();
        return;
      }
      show(v, 'pick');
    },
    [api, characterId, contactId, view, run, push, show, store],
  );

  /** After accepting or turning in, the contact's offers and choices change: ask again. */
  const reopen = useCallback(async () => {
    try {
      const v = await api.dialogue.open.mutate({ characterId, contactId });
      if (alive.current) show(v, 'refresh');
    } catch (err) {
      if (alive.current) fail(err);
    }
  }, [api, characterId, contactId, show, fail]);

  const accept = useCallback(
    async (quest: QuestView) => {
      const r = await run(() =>
        api.quests.accept.mutate({ characterId, contactId, questId: quest.id }),
      );
      if (!r || !alive.current) return;
      setReceived(null);
      store
        .getState()
        .toast('success', `Quest accepted: ${r.quest.title}`, undefined, 'quest_accepted');
      push([
        {
          who: 'system',
          text: '',
          outcomes: [{ kind: 'quest_started', questId: r.quest.id, title: r.quest.title }],
        },
      ]);
      refresh(['quests', 'inventory']);
      await reopen();
    },
    [api, characterId, contactId, run, push, refresh, reopen, store],
  );

  const turnIn = useCallback(
    async (quest: QuestView, choice?: string) => {
      const r = await run(() =>
        api.quests.turnIn.mutate({ characterId, contactId, questId: quest.id, choice }),
      );
      if (!r || !alive.current) return;
      const s = store.getState();
      s.toast('success', `Quest complete: ${r.quest.title}`, undefined, 'quest_complete');
      // XP from the API goes the same way as XP from kills: bar, level-up banner, ability bar
      if (r.xpGained > 0)
        commands.xpGained({
          xpGained: r.xpGained,
          xp: r.xp,
          level: r.level,
          levelsGained: r.levelsGained,
          source: r.quest.title,
        });
      setReceived(r);
      push([{ who: 'them', text: quest.completion, outcomes: [] }]);
      refresh(['inventory', 'sheet', 'quests', 'reputation']);
      await reopen();
    },
    [api, characterId, contactId, run, push, refresh, reopen, store, commands],
  );

  return {
    view,
    lines,
    busy,
    received,
    choose,
    accept,
    turnIn,
    dismissReceived: () => setReceived(null),
  };
}
