// A guild's share card: name and tag, level, members, founding date and season renown.
import { dateText, guildTitle } from '@/game/guild/guild-view';
import { cachedCard } from '@/server/og/og-cache';
import { ogImage } from '@/server/og/og-card';
import { publicGuildByTag } from '@/server/public-guild';

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ tag: string }> },
): Promise<Response> {
  const g = await publicGuildByTag((await params).tag);
  if (!g) return new Response('Not found', { status: 404 });
  return cachedCard(`guild:${g.tag}`, async () =>
    ogImage({
      kicker: '// guild · night city',
      title: guildTitle(g),
      badge: `LVL ${g.level}`,
      subtitle: `Founded ${dateText(g.foundedAt)}`,
      facts: [
        { label: g.memberCount === 1 ? 'member' : 'members', value: String(g.memberCount) },
        ...(g.seasonRenown
          ? [{ label: 'renown this season', value: g.seasonRenown.renown.toLocaleString('en-US') }]
          : []),
      ],
    }),
  );
}
