import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CLASSES, LEADERBOARDS } from '@necp/shared';
import { BrowserSiteHeader } from '@/components/browser-site-header';
import { SiteFooter } from '@/components/site-footer';
import { Skyline } from '@/components/skyline';
import { socialMetadata } from '@/server/og/social-metadata';
import {
  boardPage,
  boardTops,
  boardView,
  seasons,
  type BoardView as View,
} from '@/server/public-leaderboards';
import { BoardView } from '../board-view';
import { LeaderboardsIndex } from '../leaderboards-index';
import { boardPath } from '../paths';

// The public leaderboards, for anyone (no sign-in): /leaderboards (every board's top
// ten) and /leaderboards/[board] with ?class= and ?page=, which next.config.ts rewrites
// to /leaderboards/[board]/[class]/[page] so that every page of every board is a path
// of its own. Like a guild's page (guilds/[tag]/page.tsx): the same for every visitor,
// rendered on its first request and served from Next's cache after, read again at
// most once a minute; none is built ahead (the build has no players to rank); the CSP
// names the inline scripts of the very HTML served (proxy.ts, server/cached-page.ts).
export const dynamic = 'force-static';
export const dynamicParams = true;
export const revalidate = 60;

export function generateStaticParams(): { slug: string[] }[] {
  return [];
}

interface Props {
  params: Promise<{ slug?: string[] }>;
}

/** null: the index; a view: a board page; undefined: no such page. */
async function which(params: Props['params']): Promise<View | null | undefined> {
  const { slug } = await params;
  if (!slug || slug.length === 0) return null;
  return boardView(slug) ?? undefined;
}

const className = (id: string) => CLASSES.find((c) => c.id === id)?.name ?? id;

/** The board's title; a past season's: "Arena 1v1 · season S1 final standings". */
const boardTitle = (view: View) =>
  view.season
    ? `${LEADERBOARDS[view.board].short} · season ${view.season} final standings`
    : LEADERBOARDS[view.board].title;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await which(params);
  if (view === undefined) return { title: 'Leaderboard not found', robots: { index: false } };
  if (view === null)
    return socialMetadata({
      title: 'Leaderboards',
      description:
        "Who runs Night City: the top runners of NECP by level, achievement points and wealth, the top guilds and this season's most renowned crews.",
      path: '/leaderboards',
      image: '/api/og/board/level',
      imageAlt: 'The top runners of Night City by level',
    });
  const meta = LEADERBOARDS[view.board];
  const title = `${boardTitle(view)}${view.class ? ` · ${className(view.class)}` : ''}${
    view.page > 1 ? ` · page ${view.page}` : ''
  }`;
  const description = view.season
    ? `The final standings of season ${view.season}: ${meta.short.toLowerCase()}. NECP, the neon city MMO.`
    : `${meta.description} NECP, the neon city MMO.`;
  return socialMetadata({
    title,
    description,
    path: boardPath(view.board, view.class, view.page, view.season),
    image: `/api/og/board/${view.board}`,
    imageAlt: `${meta.short}: the top of the board`,
  });
}

export default async function LeaderboardsPage({ params }: Props) {
  const view = await which(params);
  if (view === undefined) notFound();
  const page = view ? await boardPage(view.board, view.class, view.page, view.season) : null;
  if (view && !page) notFound();
  const meta = view ? LEADERBOARDS[view.board] : null;
  return (
    <>
      <BrowserSiteHeader />
      <main className="lbpage" data-testid="lb-page" data-board={view?.board ?? 'index'}>
        <section className={`lbpage__hero${view ? ' lbpage__hero--board' : ''}`}>
          <div className="lbpage__inner">
            <p className="hero__kicker neon-cyan">
              // leaderboards · night city{view && view.page > 1 ? ` · page ${view.page}` : ''}
            </p>
            <h1 className="lbpage__title" data-testid="lb-title">
              {view ? boardTitle(view) : 'Leaderboards'}
              {view?.class && <span className="lbpage__class"> · {className(view.class)}</span>}
            </h1>
            <p className="lbpage__lead">
              {meta
                ? view?.season
                  ? `Season ${view.season} is over: these are its final standings.`
                  : meta.description
                : "Who runs Night City. The top runners by level, achievements and eddies, the crews that stack the most levels between them, and the season's most renowned."}
            </p>
          </div>
          <Skyline />
        </section>
        {view && page ? (
          <BoardView page={page} pageNo={view.page} seasons={await seasons()} />
        ) : (
          <LeaderboardsIndex tops={await boardTops()} />
        )}
      </main>
      <SiteFooter />
    </>
  );
}
