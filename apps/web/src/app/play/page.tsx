import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { GameView } from '@/game/game-view';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Play' };

export default async function PlayPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { c } = await searchParams;
  const characterId = Array.isArray(c) ? c[0] : c;
  await requireSession(characterId ? `/play?c=${encodeURIComponent(characterId)}` : '/characters');
  if (!characterId) redirect('/characters');
  // keyed: switching character remounts the whole client (fresh socket and state)
  return <GameView key={characterId} characterId={characterId} />;
}
