import Link from 'next/link';
import { LEADERBOARDS, type LeaderboardPage } from '@necp/shared';
import { BoardTable } from './board-table';
import { boardPath } from './paths';

/** /leaderboards: every board with its top ten. */
export function LeaderboardsIndex({ tops }: { tops: LeaderboardPage[] }) {
  return (
    <section className="page lbpage__body">
      <div className="lb-grid">
        {tops.map((page, i) => {
          const meta = LEADERBOARDS[page.board];
          return (
            <article
              key={page.board}
              className="panel lb-card"
              data-testid="lb-card"
              data-board={page.board}
            >
              <header className="lb-card__head">
                <h2 className="lb-card__title">
                  <span className="neon-magenta">{String(i + 1).padStart(2, '0')}</span>{' '}
                  {meta.short}
                </h2>
                <span className="muted lb-card__count">
                  {page.total.toLocaleString('en-US')} ranked
                </span>
              </header>
              <p className="muted lb-card__desc">{meta.description}</p>
              {page.rows.length > 0 ? (
                <BoardTable page={page} compact />
              ) : (
                <p className="lb-empty">Nobody on this board yet.</p>
              )}
              <Link
                href={boardPath(page.board)}
                className="btn btn--small lb-card__more"
                data-testid="lb-card-more"
              >
                Full board →
              </Link>
            </article>
          );
        })}
      </div>
      <p className="footnote muted">
        Boards are updated as runners play; these pages refresh every minute.
      </p>
    </section>
  );
}
