// A board's share card: its title and the top five (the live board).
import { LEADERBOARDS, isLeaderboardKey } from '@necp/shared';
import { scoreText } from '@/game/rankings/rankings-view';
import { cachedCard } from '@/server/og/og-cache';
import { ogImage } from '@/server/og/og-card';
import { boardPage } from '@/server/public-leaderboards';

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ board: string }> },
): Promise<Response> {
  const { board } = await params;
  if (!isLeaderboardKey(board)) return new Response('Not found', { status: 404 });
  return cachedCard(`board:${board}`, async () => {
    const page = await boardPage(board, null, 1);
    const meta = LEADERBOARDS[board];
    return ogImage({
      kicker: '// leaderboard · night city',
      title: meta.short,
      subtitle: meta.description,
      rows: (page?.rows ?? []).slice(0, 5).map((r) => ({
        rank: `#${r.rank}`,
        name: r.guildTag && meta.subject !== 'guild' ? `[${r.guildTag}] ${r.name}` : r.name,
        value: scoreText(board, r.value),
      })),
      facts: page && page.rows.length > 0 ? [] : [{ label: 'ranked', value: 'nobody yet' }],
    });
  });
}
