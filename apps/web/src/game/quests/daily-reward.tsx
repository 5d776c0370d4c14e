'use client';
/**
 * The daily login reward: a 7-day streak calendar (claimed days ticked, today's
 * reward lit) with a Claim button, and when the daily and weekly resets come.
 * It pops up by itself on entering the game while today's reward is unclaimed
 * (and steps aside when you open another window or walk off); the action bar
 * opens it any time (panel 'daily'). A newcomer meets Regina's welcome first: the
 * popup waits until the welcome quest is done or skipped.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useContext, useEffect, useRef, type CSSProperties } from 'react';
import type { DailyStatusView, LoginRewardView } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';
import { ItemGlyph } from '../items/item-glyph';
import { rarityColor } from '../items/rarity';
import { calendarDays } from './daily-calendar';
import { openedAnother, otherWindows, walkedAway } from './popup';
import { countdown, eddies } from './format';
import { useServerNow } from '../time/use-server-now';
import { useDailyStatus } from './use-quests';
import { useTutorial } from '../tutorial/use-tutorial';
import { useGameSession } from '../hud/game-session';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { GameStoreContext, useGame } from '../hud/store-context';

export function DailyReward() {
  const open = useGame((s) => s.panels.daily);
  const setPanel = useGame((s) => s.setPanel);
  const store = useContext(GameStoreContext);
  const status = useDailyStatus();
  const tutorial = useTutorial();
  // after the welcome's turn-in the popup waits for the conversation to close
  const talking = useGame((s) => s.dialogue !== null);
  // once per visit: the popup greets you, closing it means "later"
  const greeted = useRef(false);
  // it opened by itself (not from the action bar): walking off closes it too
  const unasked = useRef(false);
  useEffect(() => {
    if (greeted.current || !status.data || !tutorial.settled || tutorial.step || talking) return;
    greeted.current = true;
    if (status.data.canClaim) {
      unasked.current = true;
      setPanel('daily', true);
    }
  }, [status.data, tutorial.settled, tutorial.step, talking, setPanel]);

  // not a modal: it steps aside for any other window, and (unasked) when you walk off
  useEffect(() => {
    if (!open || !store) return;
    let before = otherWindows(store.getState());
    let anchor = store.getState().self;
    const stop = store.subscribe((s) => {
      if (!s.panels.daily) return;
      const now = otherWindows(s);
      const yielded = openedAnother(before, now);
      before = now;
      anchor ??= s.self;
      const walked = unasked.current && anchor && s.self && walkedAway(anchor, s.self);
      if (!yielded && !walked) return;
      // closing is itself a store change: stop listening first
      stop();
      s.setPanel('daily', false);
    });
    return () => {
      stop();
      unasked.current = false;
    };
  }, [open, store]);
  if (!open) return null;
  return (
    <GameWindow
      title="daily login"
      hotkey={windowFace('daily')}
      testId="daily-reward"
      className="gwin--daily"
      onClose={() => setPanel('daily', false)}
    >
      {status.data ? (
        <DailyBody s={status.data} />
      ) : status.isError ? (
        <p className="gwin__msg form-error">{refusal(status.error)}</p>
      ) : (
        <p className="gwin__msg muted">Checking your streak…</p>
      )}
    </GameWindow>
  );
}

function RewardFace({ r }: { r: LoginRewardView }) {
  return (
    <span className="dday__reward">
      <span className="dday__eddies">{eddies(r.eddies)}</span>
      {r.item && (
        <span
          className="dday__item"
          style={{ '--rarity': rarityColor(r.item.rarity) } as CSSProperties}
          title={r.item.name}
        >
          <ItemGlyph templateId={r.item.templateId} size="sm" />
          <span className="dday__item-name">
            {r.item.name}
            {r.item.quantity > 1 && ` ×${r.item.quantity}`}
          </span>
        </span>
      )}
    </span>
  );
}

function DailyBody({ s }: { s: DailyStatusView }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((st) => st.toast);
  const now = useServerNow(1000);
  const claim = useMutation(
    trpc.daily.claim.mutationOptions({
      onSuccess: (r) => {
        qc.setQueryData(trpc.daily.status.queryKey({ characterId }), r.status);
        const item = r.reward.item;
        toast(
          'success',
          `Day ${r.streak} login reward: ${eddies(r.reward.eddies)}${item ? ' +' : ''}`,
          item && { name: item.name, rarity: item.rarity, quantity: item.quantity },
        );
      },
      onError: (err) => {
        toast('warn', refusal(err));
        void qc.invalidateQueries(trpc.daily.status.queryFilter({ characterId }));
      },
      onSettled: () => void qc.invalidateQueries(trpc.inventory.get.queryFilter({ characterId })),
    }),
  );
  const days = calendarDays(s);
  return (
    <div className="daily" data-can-claim={s.canClaim} data-streak={s.streak}>
      <p className="daily__streak">
        Streak <b data-testid="daily-streak">{s.streak}</b> {s.streak === 1 ? 'day' : 'days'}
        <span className="muted"> · log in every day, the rewards climb for a week</span>
      </p>
      <ol className="daily__days">
        {days.map((d) => (
          <li
            key={d.day}
            className={`dday is-${d.state}${d.today ? ' is-today' : ''}`}
            data-testid="daily-day"
            data-day={d.day}
            data-state={d.state}
          >
            <span className="dday__n">Day {d.day}</span>
            <RewardFace r={d.reward} />
            {d.state === 'claimed' && (
              <span className="dday__tick" aria-label="claimed">
                ✓
              </span>
            )}
          </li>
        ))}
      </ol>
      <div className="daily__foot">
        <p className="daily__resets">
          Daily reset in <b>{countdown(s.nextDailyReset, now)}</b>
          <br />
          Weekly reset in <b>{countdown(s.nextWeeklyReset, now)}</b>
        </p>
        {s.canClaim ? (
          <button
            type="button"
            className="btn btn--primary"
            data-testid="daily-claim"
            disabled={claim.isPending}
            onClick={() => claim.mutate({ characterId })}
          >
            Claim
          </button>
        ) : (
          <span className="daily__done" data-testid="daily-claimed">
            Claimed today · come back in {countdown(s.nextDailyReset, now)}
          </span>
        )}
      </div>
    </div>
  );
}
