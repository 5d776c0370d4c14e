import {
  MailListInputSchema,
  type MailListInput,
  type SentMailPage,
  type SentMailSummary,
  type SentMailState,
} from '@necp/shared';
import type { Prisma } from '@necp/db';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { decodeCursor, pageOf, TimeIdKey } from '../core/page-cursor';

/**
 * The mail a character sent that is still in the post, newest sent first, a page at
 * a time (keyset on sentAt, id: core/page-cursor.ts): on its way (with when it
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
    const [ms, id] = decodeCursor(cursor, TimeIdKey);
    const at = new Date(ms);
    after = { OR: [{ sentAt: { lt: at } }, { sentAt: at, id: { lt: id } }] };
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
  return pageOf(
    rows,
    limit,
    (m) => [m.sentAt.getTime(), m.id],
    (m): SentMailSummary => {
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
    },
  );
}
