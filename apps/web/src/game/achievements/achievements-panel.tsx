'use client';
/**
 * Achievements (Y): your points and how many you earned, the title you show (a
 * selector of the titles earned, or none), then the categories as tabs — each
 * achievement with its badge, name, description and points, a bar of its progress
 * or the date it was earned, and the title it brings. Hidden ones read "???" until
 * earned. Until a tab is picked the window shows the category of the latest earned
 * one; it reads again on opening and when an achievement notification arrives
 * (game-view.tsx).
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import type { AchievementCategory, AchievementView, AchievementsView } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import {
  badgeOf,
  earnedText,
  groupByCategory,
  hasBar,
  isVeiled,
  openingCategory,
  pointsText,
  progressFraction,
  progressText,
  stateOf,
  summarize,
  titleOptions,
} from './achievements-view';
import { useAchievements, useSetTitle } from './use-achievements';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';

export function AchievementsPanel() {
  const open = useGame((s) => s.panels.achievements);
  const setPanel = useGame((s) => s.setPanel);
  const q = useAchievements(open);
  const { refetch } = q;
  // opening shows the cached list at once and reads it again
  useEffect(() => {
    if (open) void refetch();
  }, [open, refetch]);
  if (!open) return null;
  const sum = q.data ? summarize(q.data) : null;
  return (
    <GameWindow
      title="achievements"
      hotkey={windowFace('achievements')}
      testId="achievements-panel"
      className="gwin--achievements"
      onClose={() => setPanel('achievements', false)}
      extra={
        sum && (
          <span className="gwin__sub ach__count" data-testid="achievements-count">
            {sum.earned} / {sum.total}
          </span>
        )
      }
    >
      {q.data ? (
        <AchievementsBody view={q.data} />
      ) : q.isError ? (
        <p className="gwin__msg form-error">{refusal(q.error)}</p>
      ) : (
        <p className="gwin__msg muted">Pulling your record…</p>
      )}
    </GameWindow>
  );
}

function AchievementsBody({ view }: { view: AchievementsView }) {
  const groups = groupByCategory(view.achievements);
  // until a tab is picked, the latest earned one's category (the list may be read again
  // after the window opened on the cached one: an achievement just earned shows)
  const [picked, setTab] = useState<AchievementCategory | null>(null);
  const tab = picked ?? openingCategory(view);
  const group = groups.find((g) => g.id === tab) ?? groups[0];
  const sum = summarize(view);
  return (
    <>
      <header className="ach__head">
        <span className="ach__points" data-testid="achievements-points" data-value={view.points}>
          <span className="ach__star" aria-hidden>
            ✪
          </span>
          {view.points.toLocaleString('en-US')}
          <small>points</small>
        </span>
        <span className="ach__overall">
          <span className="ach__overall-text">
            {sum.earned} of {sum.total} earned
          </span>
          <span
            className="ach__bar ach__bar--thin"
            role="meter"
            aria-label="Achievements earned"
            aria-valuemin={0}
            aria-valuemax={sum.total}
            aria-valuenow={sum.earned}
          >
            <span
              className="ach__fill"
              style={{ width: `${sum.total > 0 ? (sum.earned / sum.total) * 100 : 0}%` }}
            />
          </span>
        </span>
        <TitleSelect view={view} />
      </header>
      <nav className="tabs ach__tabs" aria-label="Categories">
        {groups.map((g) => (
          <button
            key={g.id}
            type="button"
            className={`tabs__tab ach__tab${g.id === group?.id ? ' is-on' : ''}`}
            aria-pressed={g.id === group?.id}
            data-testid={`achievements-tab-${g.id}`}
            title={`${g.label}: ${g.earned} of ${g.total} · ${pointsText(g.points)} of ${g.maxPoints}`}
            onClick={() => setTab(g.id)}
          >
            <span className="ach__tab-icon" aria-hidden>
              {g.icon}
            </span>
            <span className="ach__tab-label">{g.label}</span>
            <span className="tabs__n ach__tab-n">
              {g.earned}/{g.total}
            </span>
          </button>
        ))}
      </nav>
      {group && (
        <p className="ach__cat" data-testid="achievements-category">
          <b>{group.label}</b> · {group.earned} of {group.total} earned · {pointsText(group.points)}{' '}
          of {group.maxPoints}
        </p>
      )}
      {group && (
        <ul className="ach__list" data-testid="achievements-list" data-category={group.id}>
          {group.achievements.map((a) => (
            <AchievementRow key={a.id} a={a} />
          ))}
        </ul>
      )}
    </>
  );
}

function TitleSelect({ view }: { view: AchievementsView }) {
  const setTitle = useSetTitle();
  const options = titleOptions(view);
  const onChange = (e: ChangeEvent<HTMLSelectElement>) =>
    setTitle.mutate(e.target.value === '' ? null : e.target.value);
  return (
    <label className="ach__title">
      <span className="ach__title-label">Title</span>
      <select
        className="ach__select"
        data-testid="achievements-title"
        value={view.title?.id ?? ''}
        disabled={setTitle.isPending || options.length === 1}
        title={
          options.length === 1 ? 'Earn an achievement that brings a title to choose one' : undefined
        }
        onChange={onChange}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function AchievementRow({ a }: { a: AchievementView }) {
  const state = stateOf(a);
  const veiled = isVeiled(a);
  return (
    <li
      className={`ach__row is-${state}${veiled ? ' is-veiled' : ''}`}
      data-testid="achievement-row"
      data-id={a.id}
      data-state={state}
    >
      <span className="ach__badge" aria-hidden>
        {badgeOf(a)}
      </span>
      <div className="ach__main">
        <div className="ach__top">
          <span className="ach__name" data-testid="achievement-name">
            {a.name}
          </span>
          <span className="ach__pts" data-testid="achievement-points">
            {pointsText(a.points)}
          </span>
        </div>
        <p className="ach__desc">{a.description}</p>
        {a.completedAt !== null ? (
          <span className="ach__earned" data-testid="achievement-earned">
            ✓ {earnedText(a.completedAt)}
          </span>
        ) : hasBar(a) ? (
          <span
            className="ach__bar"
            role="meter"
            aria-label={`${a.name} progress`}
            aria-valuemin={0}
            aria-valuemax={a.target}
            aria-valuenow={Math.min(a.progress, a.target)}
            data-testid="achievement-progress"
          >
            <span className="ach__fill" style={{ width: `${progressFraction(a) * 100}%` }} />
            <span className="ach__bar-text">{progressText(a)}</span>
          </span>
        ) : (
          <span className="ach__todo">Not earned yet</span>
        )}
        {a.title && (
          <span className="ach__reward" data-testid="achievement-title">
            Title: <b>{a.title.text}</b>
          </span>
        )}
      </div>
    </li>
  );
}
