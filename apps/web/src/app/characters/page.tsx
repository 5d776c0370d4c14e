import type { Metadata } from 'next';
import { SiteHeader } from '@/components/site-header';
import { requireSession } from '@/server/session';
import { serverCaller } from '@/server/trpc-caller';
import { CharacterScreen } from './character-screen';

export const metadata: Metadata = { title: 'Characters' };

export default async function CharactersPage() {
  const session = await requireSession('/characters');
  // render the roster on the server: no loading flash, and the page's first paint
  // already shows either the characters or the creation form
  const initial = await (await serverCaller()).character.list().catch(() => undefined);
  return (
    <>
      <SiteHeader session={session} />
      <main className="page">
        <CharacterScreen initial={initial} />
      </main>
    </>
  );
}
