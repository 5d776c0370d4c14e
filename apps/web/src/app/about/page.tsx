import type { Metadata } from 'next';
import Link from 'next/link';
import info from '@iconify-json/game-icons/info.json';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { GameIcon } from '@/game/icons/game-icon';
import { SITE_SOCIAL, socialMetadata } from '@/server/og/social-metadata';
import { getSession } from '@/server/session';

export function generateMetadata(): Metadata {
  return socialMetadata({
    ...SITE_SOCIAL,
    title: 'About',
    description:
      'About NECP, the open neon city MMO: who made the icons, the licence, how to host it.',
    path: '/about',
  });
}
export const dynamic = 'force-dynamic';

/**
 * The artists of game-icons.net (its own credits list). CC BY 3.0 asks that the
 * authors be named; the set's info names the project and the licence.
 */
const ICON_AUTHORS = [
  'Lorc',
  'Delapouite',
  'John Colburn',
  'Felbrigg',
  'John Redman',
  'Carl Olsen',
  'Sbed',
  'PriorBlue',
  'Willdabeast',
  'Viscious Speed',
  'Lord Berandas',
  'Irongamer',
  'HeavenlyDog',
  'Lucas',
  'Faithtoken',
  'Skoll',
  'Andy Meneely',
  'Cathelineau',
  'Kier Heyl',
  'Aussiesim',
  'Sparker',
  'Zeromancer',
  'Rihlsul',
  'Quoting',
  'Guard13007',
  'DarkZaitzev',
  'SpencerDub',
  'GeneralAce135',
  'Zajkonur',
  'Catsu',
  'Starseeker',
  'Pepijn Poolman',
  'Pierre Leducq',
  'Caro Asercion',
];

const SAMPLES = ['pistol-gun', 'katana', 'cyber-eye', 'syringe', 'microchip', 'kevlar'];

export default async function AboutPage() {
  const session = await getSession();
  return (
    <>
      <SiteHeader session={session} />
      <main className="page about" data-testid="about-page">
        <h1>About NECP</h1>
        <section>
          <p>
            NECP is an open, self-hostable online role-playing game set in a cyberpunk city, played
            in the browser. <Link href="/">Back to the landing page</Link>.
          </p>
        </section>
        <section data-testid="icon-credits">
          <h2>Icons</h2>
          <div className="about__icons neon-cyan" aria-hidden>
            {SAMPLES.map((n) => (
              <GameIcon key={n} name={n} className="about__icon" />
            ))}
          </div>
          <p>
            Item and ability icons by Lorc, Delapouite and contributors,{' '}
            <a href="https://game-icons.net" rel="noreferrer">
              game-icons.net
            </a>
            , licensed under{' '}
            <a href={info.license.url} rel="noreferrer">
              {info.license.title}
            </a>{' '}
            ({info.name}, {info.total.toLocaleString('en-US')} icons, via the{' '}
            <a href={info.author.url} rel="noreferrer">
              {info.author.name}
            </a>{' '}
            Iconify package). Icons are recoloured to show item rarity.
          </p>
          <p className="muted">The artists of game-icons.net:</p>
          <ul className="about__authors">
            {ICON_AUTHORS.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
        <section data-testid="sound-credits">
          <h2>Sound</h2>
          <p>
            Every sound is made in your browser as it plays — no recordings: effects by{' '}
            <a href="https://github.com/KilledByAPixel/ZzFX" rel="noreferrer">
              ZzFX
            </a>{' '}
            by Frank Force (MIT licence), the districts’ ambience and the music by the Web Audio
            API. Volumes and mute are in the game menu (Esc).
          </p>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
