import Link from 'next/link';
import {
  CLASSES,
  LEADERBOARD_KEYS,
  LEADERBOARD_PAGE_SIZE,
  LEADERBOARDS,
  type LeaderboardPage,
} from '@necp/shared';
import { BoardTable } from './board-table';
import { boardPath } from './paths';

/** /leaderboards/[board]: the board's tabs, the class filter, a page of rows and the pager. */
export function BoardView({ page, pageNo }: { page: LeaderboardPage; pageNo: number }) {
  const meta = LEADERBOARDS[page.board];
  const pages = Math.max(1, Math.ceil(page.total / LEADERBOARD_PAGE_SIZE));
  return (
    <section className="page lbpage__body">
      <nav className="lb-tabs" aria-label="Boards">
        {LEADERBOARD_KEYS.map((k) => (
          <Link
            key={k}
            href={boardPath(k)}
            className={`lb-tab${k === page.board ? ' lb-tab--on' : ''}`}
            aria-current={k === page.board ? 'page' : undefined}
            data-testid="lb-tab"
          >
            {LEADERBOARDS[k].short}
          </Link>
        ))}
      </nav>
      {meta.byClass && (
        <nav className="lb-filter" aria-label="Class">
          <span className="lb-filter__label">Class</span>
          {[null, ...CLASSES.map((c) => c.id)].map((c) => (
            <Link
              key={c ?? 'all'}
              href={boardPath(page.board, c)}
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
              href={boardPath(page.board, page.class, pageNo - 1)}
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
              href={boardPath(page.board, page.class, pageNo + 1)}
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
        Ties share a rank. This page refreshes every minute.
      </p>
    </section>
  );
}
