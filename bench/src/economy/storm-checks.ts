/**
 * What must hold after the trades, crafts and contracts storm (issue 29): nothing
 * created or lost (checkInvariants, the contracts' escrow included), each contract's
 * escrow what its state says and no settled one holding items, one taker per contract,
 * each delivery in one place, each raced stack gone one way, one trade at a time, the
 * inputs of one craft held by one craft, each craft finished once.
 */
import type { Db } from '@necp/db';
import { checkInvariants, formatDifferences } from '@necp/game';
import type { Check } from './checks';
import { CONTRACT_GOOD, DELIVERY } from './storm-contract-jobs';
import type { StormTally } from './storm-tally';
import { TRADE_GOOD } from './storm-trade-jobs';

const SETTLED = ['confirmed', 'arbitrated', 'expired', 'failed', 'cancelled'];
const HOLDING = ['accepted', 'delivered', 'disputed'];

const bagCount = async (db: Db, characterId: string, templateId: string) =>
  (
    await db.item.aggregate({
      where: { characterId, templateId, container: 'BAG' },
      _sum: { quantity: true },
    })
  )._sum.quantity ?? 0;

async function contractChecks(db: Db, t: StormTally): Promise<Check[]> {
  const byState = await db.$queryRaw<{ state: string; n: bigint; least: number; off: bigint }[]>`
    SELECT "state", count(*)::bigint AS n, min("escrow") AS least,
      count(*) FILTER (WHERE NOT (
        ("state" = 'posted' AND "escrow" = "reward") OR
        ("state" = ANY(${HOLDING}) AND "escrow" = "reward" + "collateral") OR
        ("state" = ANY(${SETTLED}) AND "escrow" = 0)))::bigint AS off
    FROM "Contract" GROUP BY "state" ORDER BY "state"`;
  const least = Math.min(0, ...byState.map((r) => r.least));
  const off = byState.reduce((n, r) => n + Number(r.off), 0);
  const [held] = await db.$queryRaw<{ settled: bigint; early: bigint; astray: bigint }[]>`
    SELECT
      count(*) FILTER (WHERE c."state" = ANY(${SETTLED}))::bigint AS settled,
      count(*) FILTER (WHERE ci."role" = 'delivery' AND c."state" NOT IN ('delivered', 'disputed'))::bigint AS early,
      count(*) FILTER (WHERE i."container"::text <> 'CONTRACT')::bigint AS astray
    FROM "ContractItem" ci JOIN "Contract" c ON c."id" = ci."contractId"
    JOIN "Item" i ON i."id" = ci."itemId"`;
  const [orphans] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*)::bigint AS n FROM "Item" i
    WHERE i."container"::text = 'CONTRACT'
      AND NOT EXISTS (SELECT 1 FROM "ContractItem" ci WHERE ci."itemId" = i."id")`;
  const rows = new Map(
    (
      await db.contract.findMany({
        where: { id: { in: t.contracts.map((c) => c.contractId) } },
        select: { id: true, state: true, takerId: true },
      })
    ).map((c) => [c.id, c]),
  );
  let taken = 0;
  let twoTakers = 0;
  let wrongTaker = 0;
  let delivered = 0;
  let failed = 0;
  let misplaced = 0;
  for (const r of t.contracts) {
    const row = rows.get(r.contractId);
    if (r.winners.length > 1) twoTakers++;
    if ((row?.takerId ?? null) !== (r.winners[0] ?? null)) wrongTaker++;
    if (r.winners.length === 1) taken++;
    // every taker gave at most once: a winner all or nothing, the others nothing
    for (const taker of r.takers) {
      const gave = taker === r.winners[0] && r.delivered;
      const states = gave ? ['delivered', 'disputed', 'confirmed'] : null;
      const inPlace =
        (await bagCount(db, taker, CONTRACT_GOOD)) === (gave ? 0 : DELIVERY) &&
        (!states || states.includes(row?.state ?? ''));
      if (!inPlace) misplaced++;
    }
    if (r.winners.length === 1 && r.delivered) delivered++;
    if (r.winners.length === 1 && row?.state === 'failed') failed++;
    if (r.notTheirsOk) misplaced++;
  }
  return [
    {
      name: 'contracts: escrow as their state says, never negative',
      ok: off === 0 && least >= 0,
      detail: `${byState.map((r) => `${r.state} ${Number(r.n)}`).join(', ')}; least escrow ${least}; ${off} off`,
    },
    {
      name: 'contracts: settled ones hold no items, every held item is one contract’s',
      ok: [held!.settled, held!.early, held!.astray, orphans!.n].every((n) => Number(n) === 0),
      detail: `${Number(held!.settled)} items on settled contracts, ${Number(held!.early)} deliveries on undelivered ones, ${Number(held!.astray)} held items elsewhere, ${Number(orphans!.n)} items in no contract`,
    },
    {
      name: 'contracts: one taker each',
      ok: twoTakers === 0 && wrongTaker === 0,
      detail: `${taken} of ${t.contracts.length} taken by one of 2–3 takers at once, ${t.contracts.length - taken - twoTakers} expired before any taker, ${twoTakers} with two, ${wrongTaker} whose taker is not the accept that won`,
    },
    {
      name: 'contracts: each delivery held by one contract or back with its taker',
      ok: misplaced === 0,
      detail: `${delivered} delivered before the deadline, ${failed} failed by the worker; ${misplaced} takers whose goods are not where their contract says`,
    },
  ];
}

async function tradeChecks(db: Db, t: StormTally): Promise<Check[]> {
  const ids = t.trades.map((r) => r.stackId);
  const trades = new Map(
    (
      await db.trade.findMany({
        where: { id: { in: t.trades.map((r) => r.tradeId) } },
        select: { id: true, state: true },
      })
    ).map((x) => [x.id, x.state]),
  );
  const items = new Map(
    (await db.item.findMany({ where: { id: { in: ids } } })).map((i) => [i.id, i]),
  );
  const moves = await db.ledgerEntry.findMany({
    where: { itemId: { in: ids }, fromOwner: { startsWith: 'char:' } },
    select: { itemId: true, fromOwner: true, toOwner: true },
  });
  const ways = { traded: 0, listed: 0, sold: 0, home: 0 };
  let twoWays = 0;
  let astray = 0;
  for (const r of t.trades) {
    const completed = trades.get(r.tradeId) === 'completed';
    const rivalWon = r.rivalOk && r.rival !== 'second trade';
    const out = moves.filter(
      (m) => m.itemId === r.stackId && m.fromOwner === `char:${r.a}` && m.toOwner !== m.fromOwner,
    ).length;
    if (Number(completed) + Number(rivalWon) > 1 || out > 1) twoWays++;
    const item = items.get(r.stackId);
    const where = !item
      ? 'gone'
      : item.container === 'BAG'
        ? item.characterId === r.b
          ? 'traded'
          : 'home'
        : item.container === 'AUCTION'
          ? 'listed'
          : item.container === 'MARKET'
            ? 'sold'
            : 'other';
    const expected = completed ? 'traded' : rivalWon ? r.rival : 'home';
    if (where !== expected || item?.templateId !== TRADE_GOOD) astray++;
    else ways[expected as keyof typeof ways]++;
  }
  const [doubled] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*)::bigint AS n FROM (
      SELECT c FROM (SELECT "aId" AS c FROM "Trade" WHERE "state" = 'open'
                     UNION ALL SELECT "bId" FROM "Trade" WHERE "state" = 'open') s
      GROUP BY c HAVING count(*) > 1) d`;
  return [
    {
      name: 'trades: each raced stack went one way',
      ok: twoWays === 0 && astray === 0,
      detail: `${t.trades.length} stacks: ${ways.traded} traded, ${ways.listed} listed, ${ways.sold} sold, ${ways.home} stayed home; ${twoWays} gone two ways, ${astray} not where the calls say`,
    },
    {
      name: 'trades: one at a time',
      ok: t.secondTrades === 0 && Number(doubled!.n) === 0,
      detail: `${t.secondTrades} second trades taken, ${Number(doubled!.n)} characters in two open trades`,
    },
  ];
}

async function craftChecks(db: Db, t: StormTally): Promise<Check[]> {
  const crafts = await db.craft.findMany({
    where: { characterId: { in: t.crafts.map((r) => r.crafter) } },
    select: { id: true, characterId: true, state: true },
  });
  const made = await db.ledgerEntry.groupBy({
    by: ['ref', 'fromOwner', 'toOwner', 'templateId'],
    where: { ref: { in: crafts.map((c) => c.id) }, reason: 'craft' },
    _count: { _all: true },
  });
  const trades = new Map(
    (
      await db.trade.findMany({
        where: { id: { in: t.crafts.flatMap((r) => (r.tradeId ? [r.tradeId] : [])) } },
        select: { id: true, state: true },
      })
    ).map((x) => [x.id, x.state]),
  );
  let twice = 0;
  let crafted = 0;
  let traded = 0;
  for (const r of t.crafts) {
    const mine = crafts.filter((c) => c.characterId === r.crafter && c.state !== 'cancelled');
    const completed = !!r.tradeId && trades.get(r.tradeId) === 'completed';
    if (r.started.length > 1 || mine.length > 1 || (mine.length === 1 && completed)) twice++;
    if (mine.length !== r.started.length) twice++;
    if (mine.length === 1) crafted++;
    if (completed) traded++;
  }
  const casting = crafts.filter((c) => c.state === 'casting').length;
  // a finish writes one output row and one consumption row per input: any twice is a double
  const doubled = made.filter((m) => m._count._all > 1).length;
  return [
    {
      name: 'crafts: the inputs of one craft held by one craft or one trade',
      ok: twice === 0,
      detail: `${t.crafts.length} crafters: ${crafted} crafted, ${traded} traded the scrap instead, ${t.crafts.length - crafted - traded} neither; ${twice} held twice`,
    },
    {
      name: 'crafts: each finished once, none left casting',
      ok: doubled === 0 && casting === 0,
      detail: `${crafts.filter((c) => c.state === 'done').length} done, ${casting} casting, ${doubled} ledger movements written twice`,
    },
  ];
}

export async function stormChecks(db: Db, t: StormTally): Promise<Check[]> {
  const diffs = await checkInvariants(db);
  return [
    {
      name: 'invariants after trades, crafts, contracts: nothing created or lost',
      ok: diffs.length === 0,
      detail: diffs.length === 0 ? 'balanced' : formatDifferences(diffs).slice(0, 5).join('; '),
    },
    ...(await contractChecks(db, t)),
    ...(await tradeChecks(db, t)),
    ...(await craftChecks(db, t)),
  ];
}
