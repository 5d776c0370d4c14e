// The site's share card (the landing page and every page without one of its own).
import { ZONES } from '@necp/shared';
import { cachedCard } from '@/server/og/og-cache';
import { ogImage } from '@/server/og/og-card';

export function GET(): Promise<Response> {
  return cachedCard('site', async () =>
    ogImage({
      kicker: '// open-world cyberpunk MMO · in your browser',
      title: 'NECP',
      subtitle: `Walk ${ZONES.filter((z) => z.live)
        .map((z) => z.name)
        .join(', ')} with other runners.`,
      facts: [
        { label: 'districts', value: String(ZONES.filter((z) => z.live).length) },
        { label: 'arena brackets', value: '1v1 · 3v3' },
        { label: 'dungeon & raid', value: 'bosses' },
        { label: 'to play', value: 'free' },
      ],
    }),
  );
}
