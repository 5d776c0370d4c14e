import {
  MailListInputSchema,
  type MailListInput,
  type SentMailPage,
  type SentMailState,
} from '@necp/shared';
import type { Prisma } from '@necp/db';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { mailNotFound } from './errors';

/**
 * The mail a character sent that is still in the post, newest sent first, a page at
 * a time (`cursor`: the last mail id of the previous page): on its way (with when it
 * arrives), delivered (until its recipient deletes it), or returned to the sender
 * (the same row, now in the sender's own inbox, until emptied and deleted). Only the
 * character's own mail: the caller's character id comes from the router's ownership
 * check. Mail to a player who blocks the sender was never written, so it is not here.
 */
export async function listSentMail(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MailListInput,
): Promise<SentMailPage> {
  const { characterId, cursor, limit } = parseInput(MailListInputSchema, input);
  const now = deps.clock.now();
  const mine: Prisma.MailWhereInput = {
    OR: [
      { fromId: characterId, kind: 'player' },
      // a returned mail is addressed back to whoever first sent it
      { toId: characterId, kind: 'returned' },
    ],
  };
  let after: Prisma.MailWhereInput = {};
  if (cursor !== undefined) {
    const c = await deps.db.mail.findFirst({
      where: { AND: [mine, { id: cursor }] },
      select: { id: true, sentAt: true },
    });
    if (!c) throw mailNotFound();
    after = { OR: [{ sentAt: { lt: c.sentAt } }, { sentAt: c.sentAt, id: { lt: c.id } }] };
  }
  const rows = await deps.db.mail.findMany({
    where: { AND: [mine, after] },
    select: {
      id: true,
      kind: true,
      fromName: true,
      subject: true,
      eddies: true,
      cod: true,
      sentAt: true,
      deliverAt: true,
      to: { select: { name: true } },
      _count: { select: { attachments: true } },
    },
    orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    mails: page.map((m) => {
      const returned = m.kind === 'returned';
      const state: SentMailState = returned
        ? 'returned'
        : m.deliverAt > now
          ? 'on_its_way'
          : 'delivered';
      return {
        id: m.id,
        // a returned mail's "from" is who had it: the original recipient
        to: returned ? m.fromName : m.to.name,
        subject: m.subject,
        eddies: m.eddies,
        cod: m.cod,
        items: m._count.attachments,
        state,
        sentAt: m.sentAt.getTime(),
        deliverAt: m.deliverAt.getTime(),
      };
    }),
    nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
