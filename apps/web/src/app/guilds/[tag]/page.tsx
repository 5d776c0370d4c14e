import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { GuildPublicView } from '@necp/api/host';
import { BrowserSiteHeader } from '@/components/browser-site-header';
import { SiteFooter } from '@/components/site-footer';
import { PublicHero } from '@/components/public-hero';
import { classLabel } from '@/game/friends/friends-list';
import { windowFace } from '@/game/input/key-bindings';
import {
  RENOWN_BOARD_PATH,
  dateText,
  guildTitle,
  membersText,
  publicGuildPath,
  renownText,
} from '@/game/guild/guild-view';
import { publicGuildByTag } from '@/server/public-guild';
import { socialMetadata } from '@/server/og/social-metadata';

// A guild's public page, for anyone (no sign-in). The same for every visitor, so it is
// rendered once per tag on its first request and then served from Next's cache, read
// again at most once a minute (incremental static regeneration): none are built ahead
// (no list of guilds at build time). force-static: the page reads no request data
// (the header learns the session in the browser), even where the root layout asks for
// headers (the e2e crash hook). Its CSP names the inline scripts of the very HTML
// served, by hash (proxy.ts, server/static-pages.ts): a nonce would be baked into the
// cached page.
export const dynamic = 'force-static';
export const dynamicParams = true;
export const revalidate = 60;

export function generateStaticParams(): { tag: string }[] {
  return [];
}

interface Props {
  params: Promise<{ tag: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const g = await publicGuildByTag((await params).tag);
  if (!g) return { title: 'Guild not found', robots: { index: false } };
  const title = guildTitle(g);
  const description = `${g.name} [${g.tag}]: a level ${g.level} guild of ${g.memberCount} runner${
    g.memberCount === 1 ? '' : 's'
  } in NECP, the neon city MMO. Founded ${dateText(g.foundedAt)}.`;
  return socialMetadata({
    title,
    description,
    path: publicGuildPath(g.tag),
    image: `/api/og/guild/${encodeURIComponent(g.tag)}`,
    imageAlt: `${title}, a level ${g.level} guild`,
  });
}

/** Members by rank, highest first (the view is already in rank order). */
function byRank(members: GuildPublicView['members']) {
  const groups: { rank: string; position: number; members: GuildPublicView['members'] }[] = [];
  for (const m of members) {
    const last = groups[groups.length - 1];
    if (last && last.position === m.rankPosition) last.members.push(m);
    else groups.push({ rank: m.rank, position: m.rankPosition, members: [m] });
  }
  return groups;
}

export default async function GuildPage({ params }: Props) {
  const g = await publicGuildByTag((await params).tag);
  if (!g) notFound();
  return (
    <>
      <BrowserSiteHeader />
      <main className="guildpage" data-testid="guild-page" data-tag={g.tag}>
        <PublicHero
          kicker="// guild · night city"
          level={g.level}
          tag={
            <p className="guildpage__tag" data-testid="guild-page-tag">
              [{g.tag}]
            </p>
          }
          name={
            <h1 className="guildpage__name" data-testid="guild-page-name">
              {g.name}
            </h1>
          }
          facts={[
            { label: 'Level', value: g.level, testId: 'guild-page-level' },
            { label: 'Members', value: membersText(g.memberCount), testId: 'guild-page-members' },
            ...(g.seasonRenown
              ? [
                  {
                    label: 'Season renown',
                    value: (
                      <Link
                        className="guildpage__renown"
                        href={RENOWN_BOARD_PATH}
                        data-value={g.seasonRenown.renown}
                      >
                        {renownText(g.seasonRenown)}
                      </Link>
                    ),
                    testId: 'guild-page-renown',
                  },
                ]
              : []),
            {
              label: 'Founded',
              value: (
                <time
                  dateTime={new Date(g.foundedAt).toISOString()}
                  data-testid="guild-page-founded"
                >
                  {dateText(g.foundedAt)}
                </time>
              ),
            },
          ]}
        />

        <section className="page guildpage__body">
          <h2 className="section-title">
            <span className="neon-magenta">01</span> Roster
          </h2>
          <div className="guildpage__ranks">
            {byRank(g.members).map((group) => (
              <section
                key={group.position}
                className={`guildpage__rank guildpage__rank--${Math.min(group.position, 3)}`}
                aria-label={group.rank}
              >
                <h3>
                  {group.rank} <span className="muted">{group.members.length}</span>
                </h3>
                <ul>
                  {group.members.map((m) => (
                    <li
                      key={m.name}
                      className="guildpage__member"
                      data-testid="guild-page-member"
                      data-name={m.name}
                      data-rank={m.rank}
                    >
                      <span className="guildpage__mname">{m.name}</span>
                      <span className="guildpage__mmeta">
                        Lv {m.level} {classLabel(m.class)}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          <p className="footnote muted">
            Guilds are founded in the game: press <kbd>{windowFace('guild')}</kbd> in the city.
            Updated every minute.
          </p>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
