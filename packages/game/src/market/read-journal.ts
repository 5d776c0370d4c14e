import type { BookFill, BookOrder, JournalEntry } from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps } from '../core/deps';

/**
 * A good's journal from its first line, as the shared replay reads it (replayJournal):
 * how an operator rebuilds a book, and how the tests prove the matcher kept its word.
 */
export async function readJournal(
  deps: Pick<GameDeps, 'db'>,
  templateId: string,
): Promise<JournalEntry[]> {
  const rows = await deps.db.marketJournal.findMany({
    where: { templateId },
    orderBy: { seq: 'asc' },
  });
  return rows.map((r): JournalEntry => {
    const kind = closedSet.MarketJournal.kind.parse(r.kind);
    if (kind === 'book') return { kind, order: r.data as unknown as BookOrder };
    if (kind === 'fill') return { kind, ...(r.data as unknown as BookFill) };
    return { kind, orderId: r.orderId };
  });
}
