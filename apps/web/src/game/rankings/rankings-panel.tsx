'use client';
/**
 * Rankings (U): the leaderboards in game. One tab per board of the shared registry;
 * for the chosen board (and class, on boards that have a class filter) its top 10
 * and the rows around the playing character — its guild's on a guild board — with
 * the own row lit, or a note when it is not on the board. Names link to the public
 * profiles and guild pages, and "Open public page" to the board's page, each in a new
 * tab (leaving the game page would drop the connection). Both lists are read when the
 * window opens and when the tab or the filter changes (use-rankings.ts); the tab and
 * filter stay as they were while the window is closed.
 */
import { useState, type ChangeEvent } from 'react';
import { LEADERBOARDS, type ClassId, type LeaderboardKey, type LeaderboardRow } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useMyGuild } from '../guild/use-guild';
import {
  aroundHeading,
  boardClass,
  classOptions,
  parseClassOption,
  publicBoardHref,
  rankingsTabs,
  rowView,
  standingText,
  unrankedText,
} from './rankings-view';
import { useRankingsAround, useRankingsTop } from './use-rankings';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';

export function RankingsPanel() {
  const open = useGame((s) => s.panels.rankings);
  const setPanel = useGame((s) => s.setPanel);
  const name = useGame((s) => s.self?.name ?? null);
  const ownClass = useGame((s) => s.classId);
  const [board, setBoard] = useState<LeaderboardKey>('level');
  const [picked, setClass] = useState<ClassId | null>(null);
  const cls = boardClass(board, picked);
  const top = useRankingsTop(board, cls, open);
  const around = useRankingsAround(board, cls, name, open);
  const guild = useMyGuild();
  if (!open) return null;
  const meta = LEADERBOARDS[board];
  const meId = around.data?.me?.id ?? null;
  const standing = around.data ? standingText(around.data) : null;
  const refresh = () => {
    void top.refetch();
    void around.refetch();
  };
  return (
    <GameWindow
      title="rankings"
      hotkey={windowFace('rankings')}
      testId="rankings-panel"
      className="gwin--rankings"
      onClose={() => setPanel('rankings', false)}
      extra={
        standing && (
          <span className="gwin__sub rk__standing" data-testid="rankings-standing">
            {standing}
          </span>
        )
      }
    >
      <nav className="tabs rk__tabs" aria-label="Boards">
        {rankingsTabs().map((t) => (
          <button
            key={t.key}
            type="button"
            className={`tabs__tab rk__tab${t.key === board ? ' is-on' : ''}`}
            aria-pressed={t.key === board}
            data-testid={`rankings-tab-${t.key}`}
            title={t.title}
            onClick={() => setBoard(t.key)}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <p className="rk__desc" data-testid="rankings-board" data-board={board}>
        <b>{meta.title}</b> {meta.description}
      </p>
      <div className="rk__bar">
        {meta.byClass && (
          <label className="rk__filter">
            <span className="rk__filter-label">Class</span>
            <select
              className="rk__select"
              data-testid="rankings-class"
              value={cls ?? ''}
              onChange={(e: ChangeEvent<HTMLSelectElement>) =>
                setClass(parseClassOption(e.target.value))
              }
            >
              {classOptions(board).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="rk__refresh"
          data-testid="rankings-refresh"
          title="Read the board again"
          disabled={top.isFetching || around.isFetching}
          onClick={refresh}
        >
          ↻
        </button>
        <a
          className="rk__public"
          data-testid="rankings-public-link"
          href={publicBoardHref(board, cls)}
          target="_blank"
          rel="noopener"
        >
          Open public page ↗
        </a>
      </div>

      <section className="rk__section" aria-label="Top 10">
        <h3 className="rk__heading">
          Top 10
          {top.data && (
            <span className="rk__total" data-testid="rankings-total">
              {top.data.total.toLocaleString('en-US')} ranked
            </span>
          )}
        </h3>
        {top.data ? (
          top.data.rows.length > 0 ? (
            <RankTable board={board} rows={top.data.rows} meId={meId} testId="rankings-top" />
          ) : (
            <p className="rk__note muted" data-testid="rankings-empty">
              Nobody is ranked on this board yet.
            </p>
          )
        ) : top.isError ? (
          <p className="gwin__msg form-error">{refusal(top.error)}</p>
        ) : (
          <p className="gwin__msg muted">Pulling the board…</p>
        )}
      </section>

      <section className="rk__section" aria-label={aroundHeading(board)}>
        <h3 className="rk__heading">{aroundHeading(board)}</h3>
        {around.data ? (
          around.data.me ? (
            <RankTable board={board} rows={around.data.rows} meId={meId} testId="rankings-around" />
          ) : (
            <p className="rk__note" data-testid="rankings-unranked">
              {unrankedText(board, {
                cls,
                ownClass,
                inGuild: guild.data === undefined ? null : guild.data !== null,
              })}
            </p>
          )
        ) : around.isError ? (
          <p className="gwin__msg form-error">{refusal(around.error)}</p>
        ) : (
          <p className="gwin__msg muted">Finding you on the board…</p>
        )}
      </section>
    </GameWindow>
  );
}

function RankTable({
  board,
  rows,
  meId,
  testId,
}: {
  board: LeaderboardKey;
  rows: LeaderboardRow[];
  meId: string | null;
  testId: string;
}) {
  const meta = LEADERBOARDS[board];
  return (
    <table className="rk__table" data-testid={testId} data-board={board}>
      <thead>
        <tr>
          <th scope="col" className="rk__rank">
            #
          </th>
          <th scope="col">{meta.subject === 'guild' ? 'Guild' : 'Runner'}</th>
          <th scope="col">Class</th>
          <th scope="col" className="rk__num">
            Lv
          </th>
          <th scope="col" className="rk__num">
            {meta.valueLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const v = rowView(board, row, meId);
          return (
            <tr
              key={v.id}
              className={`rk__row${v.podium ? ` rk__row--top${v.rank}` : ''}${v.me ? ' is-me' : ''}`}
              data-testid="rankings-row"
              data-name={row.name}
              data-rank={v.rank}
              data-me={v.me}
              aria-current={v.me ? 'true' : undefined}
            >
              <td className="rk__rank">{v.rank.toLocaleString('en-US')}</td>
              <td className="rk__who">
                {v.href ? (
                  <a
                    className="rk__name"
                    href={v.href}
                    target="_blank"
                    rel="noopener"
                    data-testid="rankings-row-link"
                  >
                    {v.name}
                  </a>
                ) : (
                  <span className="rk__name">{v.name}</span>
                )}
                {v.me && (
                  <span className="rk__you">{meta.subject === 'guild' ? 'your guild' : 'you'}</span>
                )}
              </td>
              <td className="rk__class">{v.classText}</td>
              <td className="rk__num">{v.level}</td>
              <td className="rk__num rk__score">
                {v.score}
                {v.detail && <small className="rk__detail">{v.detail}</small>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
