'use client';
/**
 * The compose window's quote (tRPC mail.quote): the postage and when the mail will
 * arrive for this recipient with these contents, asked of the server before Send —
 * the delay depends on the two players' relationship, which only the server knows.
 * Asked again when the recipient or what the mail carries changes (after a pause in
 * typing).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { CharacterNameRefSchema, type MailQuoteInput } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { parseEddies, type MailDraft } from './mail-view';

/** typing pauses this long before the recipient is asked about */
const TYPING_MS = 350;

/** The quote input for a draft, or null while it names nobody (valid) yet. */
export function quoteInput(
  d: MailDraft,
  characterId: string,
  selfName: string | null,
): MailQuoteInput | null {
  const to = d.to.trim();
  if (!CharacterNameRefSchema.safeParse(to).success) return null;
  if (selfName && to.toLowerCase() === selfName.toLowerCase()) return null;
  return {
    characterId,
    to,
    attachments: d.attachments.length,
    eddies: parseEddies(d.eddies) ?? 0,
    cod: parseEddies(d.cod) ?? 0,
  };
}

export function useMailQuote(draft: MailDraft, selfName: string | null) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  const live = quoteInput(draft, characterId, selfName);
  // asked once typing (a name, an amount) pauses, not per keystroke
  const key = JSON.stringify(live);
  const [input, setInput] = useState(live);
  useEffect(() => {
    const t = setTimeout(() => setInput(JSON.parse(key) as MailQuoteInput | null), TYPING_MS);
    return () => clearTimeout(t);
  }, [key]);
  const q = useQuery(
    trpc.mail.quote.queryOptions(input ?? { characterId, to: '-' }, {
      enabled: input !== null,
      staleTime: 30_000,
      retry: false,
    }),
  );
  // nobody named (yet): no answer, not even the previous one
  if (live === null || input === null) return { quote: null, error: null };
  // an answer for an older draft is not this draft's: the window says "depends" meanwhile
  const current = key === JSON.stringify(input);
  return {
    quote: q.isError || !current ? null : (q.data ?? null),
    /** the server's refusal (an unknown name …), player-safe */
    error: q.isError && current ? refusal(q.error) : null,
  };
}
