// A runner's share card: name, title, class and level, guild, achievement points and ranks.
import { classLabel } from '@/game/friends/friends-list';
import { guildTitle } from '@/game/guild/guild-view';
import { cachedCard } from '@/server/og/og-cache';
import { ogImage } from '@/server/og/og-card';
import { publicProfile } from '@/server/public-leaderboards';

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ name: string }> },
): Promise<Response> {
  const p = await publicProfile((await params).name);
  if (!p) return new Response('Not found', { status: 404 });
  return cachedCard(`player:${p.characterId}`, async () => {
    const levelRank = p.standings.find((s) => s.board === 'level')?.rank ?? null;
    const arena = p.arena.ratings[0];
    return ogImage({
      kicker: '// runner profile',
      title: p.name,
      badge: `LVL ${p.level}`,
      subtitle: [p.title, classLabel(p.class), p.guild ? guildTitle(p.guild) : null]
        .filter(Boolean)
        .join(' · '),
      facts: [
        { label: 'achievement points', value: p.achievementPoints.toLocaleString('en-US') },
        ...(levelRank ? [{ label: 'by level', value: `#${levelRank}` }] : []),
        ...(arena ? [{ label: `arena ${arena.bracket}`, value: String(arena.rating) }] : []),
      ],
    });
  });
}
