import {
  MailListInputSchema,
  MailRefInputSchema,
  type MailInbox,
  type MailListInput,
  type MailRefInput,
  type MailView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { mailNotFound } from './errors';
import { loadMail, mailSummary, mailView, markRead } from './mail-rows';
import { inTransaction } from '../core/transaction';
import { decodeCursor, pageOf, TimeIdKey } from '../core/page-cursor';

/**
 * A character's inbox, newest arrival first, a page at a time (keyset on deliverAt,
 * id: core/page-cursor.ts). Mail still on its way is not there; nor is it counted in
 * `unread` (arrived, not yet read) or `total`.
 */
export async function listMail(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MailListInput,
): Promise<MailInbox> {
  const { characterId, cursor, limit } = parseInput(MailListInputSchema, input);
  const now = deps.clock.now();
  const arrived = { toId: characterId, deliverAt: { lte: now } };
  let after = {};
  if (cursor !== undefined) {
    const [ms, id] = decodeCursor(cursor, TimeIdKey);
    const at = new Date(ms);
    after = { OR: [{ deliverAt: { lt: at } }, { deliverAt: at, id: { lt: id } }] };
  }
  const [rows, unread, total] = await Promise.all([
    deps.db.mail.findMany({
      where: { ...arrived, ...after },
      include: { attachments: { include: { item: true }, orderBy: { item: { slot: 'asc' } } } },
      orderBy: [{ deliverAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    }),
    deps.db.mail.count({ where: { ...arrived, readAt: null } }),
    deps.db.mail.count({ where: arrived }),
  ]);
  return {
    ...pageOf(rows, limit, (m) => [m.deliverAt.getTime(), m.id], mailSummary),
    unread,
    total,
  };
}

/** Opens one arrived mail of the character (with its body) and marks it read. */
export async function readMail(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MailRefInput,
): Promise<MailView> {
  const { characterId, mailId } = parseInput(MailRefInputSchema, input);
  const now = deps.clock.now();
  const found = await deps.db.mail.findFirst({
    where: { id: mailId, toId: characterId, deliverAt: { lte: now } },
    select: { id: true },
  });
  if (!found) throw mailNotFound();
  return inTransaction(deps.db, async (tx) => {
    const mail = await loadMail(tx, mailId);
    if (!mail || mail.toId !== characterId) throw mailNotFound();
    await markRead(tx, mail, now);
    return mailView({ ...mail, readAt: mail.readAt ?? now });
  });
}
