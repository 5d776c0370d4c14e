/**
 * The OpenGraph and Twitter tags of a public page, one shape for all of them: the
 * page's title, description and canonical path, and the card picture drawn for it
 * (app/api/og/…). Every link shared from the site previews with a picture.
 */
import type { Metadata } from 'next';
import { getServerEnv } from '@/env';
import { OG_SIZE } from './og-card';

export interface SocialPage {
  title: string;
  description: string;
  /** the page's path ("/players/Kira") */
  path: string;
  /** the card's path (an /api/og route) */
  image: string;
  imageAlt: string;
  type?: 'website' | 'profile';
}

export function socialMetadata(p: SocialPage): Metadata {
  const images = [{ url: p.image, ...OG_SIZE, alt: p.imageAlt }];
  return {
    metadataBase: new URL(getServerEnv().NEXTAUTH_URL),
    title: p.title,
    description: p.description,
    alternates: { canonical: p.path },
    openGraph: {
      type: p.type ?? 'website',
      siteName: 'NECP',
      title: p.title,
      description: p.description,
      url: p.path,
      images,
    },
    twitter: { card: 'summary_large_image', title: p.title, description: p.description, images },
  };
}

/** The site's own tags: the landing page and every page with none of its own. */
export const SITE_SOCIAL: SocialPage = {
  title: 'NECP — the neon city MMO',
  description:
    'NECP is an open, self-hostable cyberpunk city MMORPG played in the browser: fight gangs, loot, take gigs from fixers, party up, found a guild and climb the arena, dungeon and raid boards across Watson, Westbrook and City Center.',
  path: '/',
  image: '/api/og/site',
  imageAlt: 'NECP, the neon city MMO',
};
