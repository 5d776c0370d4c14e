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
import { PublicHero } from '@/components/public-hero';
import { RatingStars } from '@/game/contracts/rating-stars';
import { classLabel } from '@/game/friends/friends-list';
import { dateText, guildTitle, publicGuildPath } from '@/game/guild/guild-view';
import { publicProfile } from '@/server/public-leaderboards';
import { socialMetadata } from '@/server/og/social-metadata';
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
  return socialMetadata({
    title,
    description,
    path: playerPath(p.name),
    image: `/api/og/player/${encodeURIComponent(p.name)}`,
    imageAlt: `${p.name}, level ${p.level} ${classLabel(p.class)}`,
    type: 'profile',
  });
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

const RESULT_TEXT = { win: 'Win', loss: 'Loss', draw: 'Draw' } as const;

/** This season's rating per bracket and the latest matches with the rating change. */
function ArenaSection({ p }: { p: PublicProfile }) {
  const { ratings, recent } = p.arena;
  if (ratings.length === 0 && recent.length === 0)
    return (
      <p className="lb-empty pp-arena" data-testid="pp-arena">
        No arena matches yet.
      </p>
    );
  return (
    <div className="pp-arena" data-testid="pp-arena">
      {ratings.length > 0 ? (
        <div className="pp-stands">
          {ratings.map((r) => (
            <article
              key={r.bracket}
              className="pp-stand"
              data-testid="pp-arena-rating"
              data-bracket={r.bracket}
              data-rating={r.rating}
            >
              <h3 className="pp-stand__board">Arena {r.bracket}</h3>
              <Link
                href={boardPath(r.bracket === '1v1' ? 'arena-1v1' : 'arena-3v3')}
                className="pp-stand__rank"
              >
                {r.rating.toLocaleString('en-US')}
              </Link>
              <p className="pp-stand__of muted">± {r.rd}</p>
              <p className="pp-stand__value">
                {r.wins} W · {r.losses} L{r.draws > 0 ? ` · ${r.draws} D` : ''}
              </p>
            </article>
          ))}
        </div>
      ) : (
        <p className="lb-empty">Not rated this season yet.</p>
      )}
      {recent.length > 0 && (
        <div className="panel lb-panel">
          <table className="lb-table" data-testid="pp-matches">
            <thead>
              <tr>
                <th scope="col">Match</th>
                <th scope="col">Against</th>
                <th scope="col">Result</th>
                <th scope="col" className="lb-num">
                  Rating
                </th>
              </tr>
            </thead>
            <tbody>
              {recent.map((m) => {
                const change = m.ratingAfter - m.ratingBefore;
                return (
                  <tr
                    key={m.matchId}
                    data-testid="pp-match"
                    data-result={m.result}
                    data-opponents={m.opponents.join(',')}
                    data-change={change}
                  >
                    <td>
                      {m.bracket}
                      {m.season ? ` · ${m.season}` : ''}{' '}
                      <time className="muted" dateTime={new Date(m.endedAt).toISOString()}>
                        {dateText(m.endedAt)}
                      </time>
                    </td>
                    <td>
                      {m.opponents.length > 0
                        ? m.opponents.map((o, i) => (
                            <span key={o}>
                              {i > 0 ? ', ' : ''}
                              <Link href={playerPath(o)}>{o}</Link>
                            </span>
                          ))
                        : '—'}
                      {m.teammates.length > 0 && (
                        <span className="muted"> (with {m.teammates.join(', ')})</span>
                      )}
                    </td>
                    <td>{RESULT_TEXT[m.result]}</td>
                    <td className="lb-num">
                      {m.ratingAfter.toLocaleString('en-US')}{' '}
                      <span className={change >= 0 ? 'neon-cyan' : 'neon-magenta'}>
                        ({change >= 0 ? '+' : ''}
                        {change})
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export default async function PlayerPage({ params }: Props) {
  const p = await publicProfile((await params).name);
  if (!p) notFound();
  return (
    <>
      <BrowserSiteHeader />
      <main className="guildpage pp" data-testid="player-page" data-name={p.name}>
        <PublicHero
          kicker="// runner · night city"
          level={p.level}
          badgeClass="pp__badge"
          tag={
            p.guild && (
              <p className="guildpage__tag">
                <Link href={publicGuildPath(p.guild.tag)} data-testid="pp-guild-tag">
                  [{p.guild.tag}]
                </Link>
              </p>
            )
          }
          name={
            <h1 className="guildpage__name" data-testid="pp-name">
              {p.name}
            </h1>
          }
          under={
            p.title && (
              <p className="pp__title" data-testid="pp-title">
                {p.title}
              </p>
            )
          }
          facts={[
            { label: 'Level', value: p.level, testId: 'pp-level' },
            { label: 'Class', value: classLabel(p.class), testId: 'pp-class' },
            {
              label: 'Guild',
              value: p.guild ? (
                <Link href={publicGuildPath(p.guild.tag)} data-testid="pp-guild">
                  {guildTitle(p.guild)}
                </Link>
              ) : (
                <span className="muted">none</span>
              ),
            },
            {
              label: 'Achievement points',
              value: p.achievementPoints.toLocaleString('en-US'),
              testId: 'pp-points',
            },
            {
              // the other sides' 1–5 scores of its finished contracts, weighted by reward
              label: 'Contract rating',
              value: <RatingStars rating={p.contractRating} testId="pp-contract-stars" />,
              testId: 'pp-contract-rating',
            },
            {
              label: 'Running since',
              value: (
                <time dateTime={new Date(p.createdAt).toISOString()}>{dateText(p.createdAt)}</time>
              ),
            },
          ]}
        />

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

          <h2 className="section-title">
            <span className="neon-magenta">03</span> Arena{' '}
            <span className="muted pp__count">season {p.arena.season.key}</span>
          </h2>
          <ArenaSection p={p} />

          {p.pastSeasons.length > 0 && (
            <>
              <h2 className="section-title">
                <span className="neon-magenta">04</span> Past seasons
              </h2>
              <ul className="pp-achs" data-testid="pp-past-seasons">
                {p.pastSeasons.map((s) => (
                  <li
                    key={`${s.season}-${s.board}-${s.scope}`}
                    className="pp-ach"
                    data-testid="pp-past-season"
                    data-season={s.season}
                    data-board={s.board}
                    data-scope={s.scope}
                    data-rank={s.rank}
                  >
                    <span className="pp-ach__pts">#{s.rank}</span>
                    <div className="pp-ach__body">
                      <p className="pp-ach__name">
                        <Link
                          href={boardPath(s.board, s.scope === 'all' ? null : s.scope, 1, s.season)}
                        >
                          Season {s.season} · {LEADERBOARDS[s.board].short}
                          {s.scope === 'all' ? '' : ` · ${classLabel(s.scope)}s`}
                        </Link>
                      </p>
                      <p className="pp-ach__desc muted">
                        {LEADERBOARDS[s.board].valueLabel} {valueText(s.board, s.value)}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}

          <p className="footnote muted">
            <Link href="/leaderboards">All leaderboards</Link> · This page refreshes every minute.
          </p>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
