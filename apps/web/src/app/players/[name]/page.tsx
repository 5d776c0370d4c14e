import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  ACHIEVEMENT_CATEGORY_LABEL,
  LEADERBOARD_PAGE_SIZE,
  LEADERBOARDS,
  type LeaderboardStanding,
  type PublicProfile,
} from '@necp/shared';
import { BrowserSiteHeader } from '@/components/browser-site-header';
import { SiteFooter } from '@/components/site-footer';
import { Skyline } from '@/components/skyline';
import { getServerEnv } from '@/env';
import { classLabel } from '@/game/friends/friends-list';
import { dateText, guildTitle, publicGuildPath } from '@/game/guild/guild-view';
import { publicProfile } from '@/server/public-leaderboards';
import { valueText } from '../../leaderboards/board-table';
import { boardPath, playerPath } from '../../leaderboards/paths';

// A player's public profile, for anyone (no sign-in): rendered on its first request,
// served from Next's cache and read again at most once a minute, like a guild's page
// (guilds/[tag]/page.tsx explains the caching and the CSP).
export const dynamic = 'force-static';
export const dynamicParams = true;
export const revalidate = 60;

export function generateStaticParams(): { name: string }[] {
  return [];
}

interface Props {
  params: Promise<{ name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await publicProfile((await params).name);
  if (!p) return { title: 'Runner not found', robots: { index: false } };
  const level = p.standings.find((s) => s.board === 'level');
  const title = `${p.name}${p.title ? `, ${p.title}` : ''}`;
  const description = `${p.name}: a level ${p.level} ${classLabel(p.class)}${
    p.guild ? ` of ${guildTitle(p.guild)}` : ''
  } in NECP, the neon city MMO. ${p.achievementPoints} achievement points${
    level?.rank ? `, #${level.rank} by level` : ''
  }.`;
  const url = playerPath(p.name);
  return {
    metadataBase: new URL(getServerEnv().NEXTAUTH_URL),
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: 'profile', siteName: 'NECP', title, description, url, username: p.name },
    twitter: { card: 'summary', title, description },
  };
}

/** "#3 of 120" and the board page that shows it. */
function StandingCard({ s, p }: { s: LeaderboardStanding; p: PublicProfile }) {
  const meta = LEADERBOARDS[s.board];
  const onPage = (rank: number) => Math.ceil(rank / LEADERBOARD_PAGE_SIZE);
  return (
    <article
      className="pp-stand"
      data-testid="pp-standing"
      data-board={s.board}
      data-rank={s.rank ?? ''}
    >
      <h3 className="pp-stand__board">{meta.short}</h3>
      {s.rank === null ? (
        <p className="pp-stand__none muted">
          {meta.subject === 'guild' ? 'Not in a guild' : 'Not ranked'}
        </p>
      ) : (
        <>
          <Link href={boardPath(s.board, null, onPage(s.rank))} className="pp-stand__rank">
            #{s.rank.toLocaleString('en-US')}
          </Link>
          <p className="pp-stand__of muted">of {s.total.toLocaleString('en-US')}</p>
          {s.value !== null && (
            <p className="pp-stand__value">
              {meta.subject === 'guild' && p.guild ? `[${p.guild.tag}] ` : ''}
              {meta.valueLabel} {valueText(s.board, s.value)}
            </p>
          )}
          {s.classRank !== null && (
            <Link
              href={boardPath(s.board, p.class, onPage(s.classRank))}
              className="pp-stand__class"
            >
              #{s.classRank.toLocaleString('en-US')} of {s.classTotal?.toLocaleString('en-US')}{' '}
              {classLabel(p.class)}s
            </Link>
          )}
        </>
      )}
    </article>
  );
}

export default async function PlayerPage({ params }: Props) {
  const p = await publicProfile((await params).name);
  if (!p) notFound();
  return (
    <>
      <BrowserSiteHeader />
      <main className="guildpage pp" data-testid="player-page" data-name={p.name}>
        <section className="guildpage__hero">
          <div className="guildpage__inner">
            <p className="hero__kicker neon-cyan">// runner · night city</p>
            <div className="guildpage__ident">
              <span className="guildpage__badge pp__badge" title={`Level ${p.level}`}>
                <small>lvl</small>
                {p.level}
              </span>
              <div>
                {p.guild && (
                  <p className="guildpage__tag">
                    <Link href={publicGuildPath(p.guild.tag)} data-testid="pp-guild-tag">
                      [{p.guild.tag}]
                    </Link>
                  </p>
                )}
                <h1 className="guildpage__name" data-testid="pp-name">
                  {p.name}
                </h1>
                {p.title && (
                  <p className="pp__title" data-testid="pp-title">
                    {p.title}
                  </p>
                )}
              </div>
            </div>
            <dl className="guildpage__facts">
              <div>
                <dt>Level</dt>
                <dd data-testid="pp-level">{p.level}</dd>
              </div>
              <div>
                <dt>Class</dt>
                <dd data-testid="pp-class">{classLabel(p.class)}</dd>
              </div>
              <div>
                <dt>Guild</dt>
                <dd>
                  {p.guild ? (
                    <Link href={publicGuildPath(p.guild.tag)} data-testid="pp-guild">
                      {guildTitle(p.guild)}
                    </Link>
                  ) : (
                    <span className="muted">none</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>Achievement points</dt>
                <dd data-testid="pp-points">{p.achievementPoints.toLocaleString('en-US')}</dd>
              </div>
              <div>
                <dt>Running since</dt>
                <dd>
                  <time dateTime={new Date(p.createdAt).toISOString()}>
                    {dateText(p.createdAt)}
                  </time>
                </dd>
              </div>
            </dl>
          </div>
          <Skyline />
        </section>

        <section className="page guildpage__body">
          <h2 className="section-title">
            <span className="neon-magenta">01</span> Rankings
          </h2>
          <div className="pp-stands">
            {p.standings.map((s) => (
              <StandingCard key={s.board} s={s} p={p} />
            ))}
          </div>

          <h2 className="section-title">
            <span className="neon-magenta">02</span> Achievements{' '}
            <span className="muted pp__count">
              {p.achievements.length} / {p.achievementsTotal}
            </span>
          </h2>
          {p.achievements.length > 0 ? (
            <ul className="pp-achs" data-testid="pp-achievements">
              {p.achievements.map((a) => (
                <li key={a.id} className="pp-ach" data-testid="pp-achievement" data-id={a.id}>
                  <span className="pp-ach__pts">{a.points}</span>
                  <div className="pp-ach__body">
                    <p className="pp-ach__name">{a.name}</p>
                    <p className="pp-ach__desc muted">{a.description}</p>
                    <p className="pp-ach__meta">
                      <span className="tag neon-cyan">
                        {ACHIEVEMENT_CATEGORY_LABEL[a.category]}
                      </span>{' '}
                      <time className="muted" dateTime={new Date(a.completedAt).toISOString()}>
                        {dateText(a.completedAt)}
                      </time>
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="lb-empty">No achievements yet.</p>
          )}

          {/*
            ARENA — reserved for the arena work (issue 14): this runner's Glicko-2 rating per
            bracket (1v1, 3v3) and its recent matches with the rating change go here, read
            by a profile field the arena adds to PublicProfile (packages/shared leaderboards).
          */}
          <h2 className="section-title">
            <span className="neon-magenta">03</span> Arena
          </h2>
          <p className="lb-empty pp-arena" data-testid="pp-arena">
            Arena ratings and recent matches will show here once the arena opens.
          </p>

          <p className="footnote muted">
            <Link href="/leaderboards">All leaderboards</Link> · This page refreshes every minute.
          </p>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
