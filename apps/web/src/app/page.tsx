import Link from 'next/link';
import { ZONES } from '@necp/shared';
import { SiteFooter } from '@/components/site-footer';
import { BrowserSiteHeader } from '@/components/browser-site-header';
import { Skyline } from '@/components/skyline';
import { LandingCta } from './landing-cta';

// The same for everyone: prerendered at build time and served as built (the CSP names
// its inline scripts by hash, server/static-pages.ts); who is signed in is learnt in
// the browser (the header and the calls to action).
export const dynamic = 'force-static';

const DISTRICT_BLURBS: Record<string, string> = {
  watson:
    'Kabuki market stalls, ripperdocs and gang turf under the megabuildings. Every runner starts here.',
  westbrook: 'Japantown neon and Charter Hill money. Prettier streets, sharper knives.',
  'city-center':
    'Corpo Plaza and the towers that own the skyline. Only veterans walk here and walk out.',
};

const FEATURES = [
  {
    title: 'Fight',
    text: 'Real-time street combat against gangers, cyberpsychos and other runners.',
  },
  {
    title: 'Loot',
    text: 'Chrome, weapons and eddies drop from every fight. What you find, you keep.',
  },
  { title: 'Quest', text: 'Fixers hand out gigs with dialogue, skill checks and consequences.' },
  {
    title: 'Trade',
    text: 'Face-to-face trades, an auction house and a player market with escrow.',
  },
  { title: 'Guilds', text: 'Form a crew, claim territory and climb the leaderboards together.' },
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
              <span className="neon-cyan">City Center</span> with other runners — fight, loot,
              quest, trade and build your crew.
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
            <span className="neon-magenta">03</span> Who runs the city
          </h2>
          <div className="landing-boards">
            <p className="muted">
              The top runners by level, achievement points and eddies, and the guilds that stack the
              most levels between them — public, no sign-in needed.
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
