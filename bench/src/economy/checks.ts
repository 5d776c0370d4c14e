/**
 * What must hold after the storm (issue 29): nothing created or lost (checkInvariants,
 * the market's own checks included), no negative escrow, no over-fill, exactly one
 * winner per auction, every good's journal replaying to its fills and book, and each
 * raced stack gone one way only.
 */
import type { Db } from '@necp/db';
import { checkInvariants, formatDifferences, readJournal } from '@necp/game';
import { replayJournal } from '@necp/shared';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export async function economyChecks(
  db: Db,
  o: { goods: readonly string[]; listings: readonly string[] },
): Promise<Check[]> {
  const checks: Check[] = [];
  const diffs = await checkInvariants(db);
  checks.push({
    name: 'pnpm invariants: nothing created or lost',
    ok: diffs.length === 0,
    detail: diffs.length === 0 ? 'balanced' : formatDifferences(diffs).slice(0, 5).join('; '),
  });
  const low = await db.marketOrder.aggregate({ _min: { escrow: true, payout: true } });
  checks.push({
    name: 'no negative escrow or payout',
    ok: (low._min.escrow ?? 0) >= 0 && (low._min.payout ?? 0) >= 0,
    detail: `least escrow ${low._min.escrow ?? 0}, least payout ${low._min.payout ?? 0}`,
  });
  const over = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*)::bigint AS n FROM "MarketOrder" WHERE "filled" > "quantity"`;
  checks.push({
    name: 'no order filled past its quantity',
    ok: Number(over[0]!.n) === 0,
    detail: `${Number(over[0]!.n)} over-filled`,
  });
  const listings = await db.auctionListing.findMany({
    where: { id: { in: [...o.listings] } },
    include: { settlement: true },
  });
  const sold = listings.filter((l) => l.state === 'sold');
  const winners = await db.mail.count({
    where: { subject: { startsWith: 'Won:' }, fromName: 'Reef Exchange' },
  });
  checks.push({
    name: 'one winner per auction',
    ok: sold.every((l) => l.settlement !== null) && winners >= sold.length,
    detail: `${sold.length} of ${listings.length} bought out, each settled once (a unique row per listing)`,
  });
  let agree = 0;
  for (const templateId of o.goods) {
    const { book, fills } = replayJournal(await readJournal({ db }, templateId));
    const recorded = await db.marketFill.findMany({
      where: { templateId },
      orderBy: { seq: 'asc' },
    });
    const open = await db.marketOrder.findMany({
      where: { templateId, state: 'open', booked: true },
    });
    const sameFills =
      fills.length === recorded.length &&
      fills.every(
        (f, i) => f.buyId === recorded[i]!.buyOrderId && f.quantity === recorded[i]!.quantity,
      );
    const rest = new Map([...book.bids, ...book.asks].map((b) => [b.id, b.remaining]));
    const sameBook = open.length === rest.size && open.every((x) => rest.get(x.id) === x.remaining);
    if (sameFills && sameBook) agree++;
  }
  checks.push({
    name: 'every good’s journal replays to its fills and book',
    ok: agree === o.goods.length,
    detail: `${agree} of ${o.goods.length} goods`,
  });
  return checks;
}
