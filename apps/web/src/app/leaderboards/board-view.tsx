import Link from 'next/link';
import {
  CLASSES,
  LEADERBOARD_KEYS,
  LEADERBOARD_PAGE_SIZE,
  LEADERBOARDS,
  type LeaderboardPage,
  type SeasonView,
} from '@necp/shared';
import { BoardTable } from './board-table';
import { boardPath } from './paths';

/**
 * /leaderboards/[board]: the board's tabs, the season filter (this season's live board,
 * or a past season's final standings), the class filter, a page of rows and the pager.
 */
export function BoardView({
  page,
  pageNo,
  seasons,
}: {
  page: LeaderboardPage;
  pageNo: number;
  seasons: readonly SeasonView[];
}) {
  const meta = LEADERBOARDS[page.board];
  const pages = Math.max(1, Math.ceil(page.total / LEADERBOARD_PAGE_SIZE));
  const season = page.season ?? null;
  const current = seasons.find((s) => s.state === 'active');
  const past = seasons.filter((s) => s.state === 'ended');
  return (
    <section className="page lbpage__body">
      <nav className="lb-tabs" aria-label="Boards">
        {LEADERBOARD_KEYS.map((k) => (
          <Link
            key={k}
            href={boardPath(k, null, 1, season)}
            className={`lb-tab${k === page.board ? ' lb-tab--on' : ''}`}
            aria-current={k === page.board ? 'page' : undefined}
            data-testid="lb-tab"
          >
            {LEADERBOARDS[k].short}
          </Link>
        ))}
      </nav>
      {past.length > 0 && (
        <nav className="lb-filter" aria-label="Season" data-testid="lb-seasons">
          <span className="lb-filter__label">Season</span>
          <Link
            href={boardPath(page.board, page.class)}
            className={`lb-chip${season === null ? ' lb-chip--on' : ''}`}
            aria-current={season === null ? 'page' : undefined}
            data-testid="lb-season"
            data-season="current"
          >
            {current ? `${current.key} · now` : 'Now'}
          </Link>
          {past.map((s) => (
            <Link
              key={s.key}
              href={boardPath(page.board, page.class, 1, s.key)}
              className={`lb-chip${s.key === season ? ' lb-chip--on' : ''}`}
              aria-current={s.key === season ? 'page' : undefined}
              data-testid="lb-season"
              data-season={s.key}
            >
              {s.key} · final
            </Link>
          ))}
        </nav>
      )}
      {season && (
        <p className="footnote muted" data-testid="lb-archived">
          The final standings of season {season}, as they were when it ended (its top{' '}
          {page.total.toLocaleString('en-US')} listed).
        </p>
      )}
      {meta.byClass && (
        <nav className="lb-filter" aria-label="Class">
          <span className="lb-filter__label">Class</span>
          {[null, ...CLASSES.map((c) => c.id)].map((c) => (
            <Link
              key={c ?? 'all'}
              href={boardPath(page.board, c, 1, season)}
              className={`lb-chip${c === page.class ? ' lb-chip--on' : ''}`}
              aria-current={c === page.class ? 'page' : undefined}
              data-testid="lb-class"
              data-class={c ?? 'all'}
            >
              {c ? (CLASSES.find((x) => x.id === c)?.name ?? c) : 'All'}
            </Link>
          ))}
        </nav>
      )}

      {page.rows.length > 0 ? (
        <div className="panel lb-panel">
          <BoardTable page={page} />
        </div>
      ) : (
        <p className="lb-empty" data-testid="lb-empty">
          Nobody on this board yet — be the first.
        </p>
      )}

      {pages > 1 && (
        <nav className="lb-pager" aria-label="Pages" data-testid="lb-pager">
          {pageNo > 1 ? (
            <Link
              href={boardPath(page.board, page.class, pageNo - 1, season)}
              className="btn btn--small"
              rel="prev"
              data-testid="lb-prev"
            >
              ← Prev
            </Link>
          ) : (
            <span className="btn btn--small btn--ghost" aria-disabled="true">
              ← Prev
            </span>
          )}
          <span className="lb-pager__at" data-testid="lb-page-at">
            Page {pageNo} of {pages}
          </span>
          {pageNo < pages ? (
            <Link
              href={boardPath(page.board, page.class, pageNo + 1, season)}
              className="btn btn--small"
              rel="next"
              data-testid="lb-next"
            >
              Next →
            </Link>
          ) : (
            <span className="btn btn--small btn--ghost" aria-disabled="true">
              Next →
            </span>
          )}
        </nav>
      )}
      <p className="footnote muted">
        {page.total.toLocaleString('en-US')} ranked
        {page.class ? ` ${CLASSES.find((c) => c.id === page.class)?.name ?? page.class}s` : ''}.
        Ties share a rank.{season ? '' : ' This page refreshes every minute.'}
      </p>
    </section>
  );
}
