import type { Metadata } from 'next';
import Link from 'next/link';
import { ZONES } from '@necp/shared';
import { SiteFooter } from '@/components/site-footer';
import { BrowserSiteHeader } from '@/components/browser-site-header';
import { Skyline } from '@/components/skyline';
import { SITE_SOCIAL, socialMetadata } from '@/server/og/social-metadata';
import { LandingCta } from './landing-cta';

// The same for everyone: prerendered at build time and served as built (the CSP names
// its inline scripts by hash, server/static-pages.ts); who is signed in is learnt in
// the browser (the header and the calls to action).
export const dynamic = 'force-static';

export function generateMetadata(): Metadata {
  return { ...socialMetadata(SITE_SOCIAL), title: { absolute: SITE_SOCIAL.title } };
}

const DISTRICT_BLURBS: Record<string, string> = {
  watson:
    'Kabuki market stalls, ripperdocs and gang turf under the megabuildings. Every runner starts here.',
  westbrook: 'Japantown neon and Charter Hill money. Prettier streets, sharper knives.',
  'city-center':
    'Corpo Plaza and the towers that own the skyline. Only veterans walk here and walk out.',
};

// Only what the game has today: each line names a system a new player can find in it.
const FEATURES = [
  {
    title: 'Fight',
    text: 'Real-time street combat against gangs, corpo security and cyberpsychos: abilities, cooldowns, telegraphed attacks.',
  },
  {
    title: 'Loot',
    text: 'Weapons, chrome and eddies drop from every fight; a party rolls need or greed for what it finds.',
  },
  {
    title: 'Quest',
    text: 'Fixers hand out gigs with dialogue and skill checks, daily and weekly jobs, and standing with eleven factions.',
  },
  {
    title: 'Crew up',
    text: 'Chat, friends, parties with shared XP, mail with attachments, face-to-face trade, and guilds with ranks, a bank and season renown.',
  },
  {
    title: 'Trade & craft',
    text: 'The Reef Exchange auction house at every district: bids held in escrow, buyouts, sealed-bid lots each season, and an order book for materials and stims. Contracts pay from escrow for deliveries, kills and crafts. Workbenches turn loot into gear, chrome and stims; salvage breaks gear back into parts.',
  },
  {
    title: 'Compete',
    text: 'Rated arena duels (1v1 and 3v3), the Arasaka Data Vault dungeon, the Quantum Reef Siege raid and seasonal boards.',
  },
];

/** Real screenshots of the game (apps/web/screens: `pnpm --filter @necp/web screens` takes them again). */
const SCREENS = [
  {
    src: '/screens/city.jpg',
    alt: 'Two runners in Watson by Kabuki Market, with the HUD, minimap and chat',
  },
  {
    src: '/screens/fight.jpg',
    alt: 'A fight with Tyger Claws: the target frame, ability bar and damage numbers',
  },
  { src: '/screens/rankings.jpg', alt: 'The in-game Rankings window over the street' },
];

export default function LandingPage() {
  return (
    <>
      <BrowserSiteHeader />
      <main>
        <section className="hero">
          <div className="hero__inner">
            <p className="hero__kicker neon-cyan">// open-world cyberpunk MMO · in your browser</p>
            <h1 className="hero__title" data-text="NECP">
              NECP
            </h1>
            <p className="hero__lead">
              A city that never sleeps, played in a browser tab. Jack in, walk the neon streets of{' '}
              <span className="neon-yellow">Watson</span>,{' '}
              <span className="neon-magenta">Westbrook</span> and{' '}
              <span className="neon-cyan">City Center</span> with other runners — fight, loot, take
              gigs, party up and build your crew.
            </p>
            <LandingCta />
          </div>
          <Skyline />
        </section>

        <section className="page">
          <h2 className="section-title">
            <span className="neon-magenta">01</span> Districts
          </h2>
          <div className="districts">
            {ZONES.map((z) => (
              <article key={z.id} className="panel district">
                <h3>{z.name}</h3>
                <p className="district__levels">
                  LVL {z.minLevel}–{z.maxLevel}
                  {z.live ? (
                    <span className="tag neon-cyan">open now</span>
                  ) : (
                    <span className="tag muted">coming</span>
                  )}
                </p>
                <p className="muted">{DISTRICT_BLURBS[z.id] ?? ''}</p>
              </article>
            ))}
          </div>

          <h2 className="section-title">
            <span className="neon-magenta">02</span> What runners do
          </h2>
          <div className="features">
            {FEATURES.map((f) => (
              <article key={f.title} className="feature">
                <h3 className="neon-yellow">{f.title}</h3>
                <p>{f.text}</p>
              </article>
            ))}
          </div>

          <h2 className="section-title">
            <span className="neon-magenta">03</span> From the streets
          </h2>
          <div className="screens" data-testid="landing-screens">
            {SCREENS.map((s) => (
              <figure key={s.src} className="screens__shot panel">
                {/* a plain img: the shots are already sized, and the page is prerendered */}
                <img src={s.src} alt={s.alt} width={1280} height={800} loading="lazy" />
                <figcaption className="muted">{s.alt}</figcaption>
              </figure>
            ))}
          </div>

          <h2 className="section-title">
            <span className="neon-magenta">04</span> Who runs the city
          </h2>
          <div className="landing-boards">
            <p className="muted">
              The top runners by level, achievement points, eddies and arena rating, and the guilds
              with the most renown this season — public, no sign-in needed.
            </p>
            <Link
              href="/leaderboards"
              className="btn btn--magenta"
              data-testid="landing-leaderboards"
            >
              See the leaderboards →
            </Link>
          </div>

          <p className="footnote muted">
            NECP is open source and self-hostable: one command brings up the web app, the realtime
            simulation and its database on your own machine.
          </p>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
