/**
 * Phase 4 of `pnpm bench:economy`: the rest of issue 29's storm — trades sharing items,
 * crafts from the same stacks, contracts racing their timeouts — `ops` calls or so,
 * `width` races in flight (each race a few calls at once). Every race runs on
 * characters of its own, seeded first, so what is refused is refused by the race; what
 * must hold after it is checked by storm-checks.ts against the tally each race keeps.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '@necp/db';
import { grantItem, seededRng, type Rng } from '@necp/game';
import { zoneById } from '@necp/shared';
import { Recorder, pool } from './measure';
import type { PhaseResult } from './phases';
import { seedTraders, settleTables } from './seed';
import { CONTRACT_GOOD, DELIVERY, contractRace, type ContractPlan } from './storm-contract-jobs';
import { newTally, type StormCtx, type StormTally } from './storm-tally';
import { TRADE_GOOD, craftRace, tradeRace } from './storm-trade-jobs';

const workbench = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'crafting_station')!;
/** the calls a race makes, about: how many races make `ops` */
const CALLS = { trade: 7, craft: 7, contract: 8 } as const;

const one = async (db: Db, o: { eddies: number; goods: string[]; units: number }) =>
  (await seedTraders(db, 1, o))[0]!.characterId;

/** A crafter beside Watson's workbench with the inputs of one knife (one stack each). */
async function crafter(db: Db): Promise<string> {
  const id = await one(db, { eddies: 0, goods: [], units: 0 });
  await db.character.update({
    where: { id },
    data: { x: workbench.x + 1, y: workbench.y + 1 },
  });
  for (const [templateId, quantity] of [
    ['scrap_metal', 4],
    ['synth_leather', 2],
  ] as const)
    await grantItem({ db }, { characterId: id, templateId, quantity, reason: 'admin' });
  return id;
}

type Plan = { jitter: number[] } & (
  | {
      kind: 'trade';
      race: 'offer' | 'accept';
      rival: 'listed' | 'sold' | 'second trade';
    }
  | { kind: 'craft' }
  | ({ kind: 'contract'; takerCount: number } & Omit<
      ContractPlan,
      'poster' | 'takers' | 'key' | 'jitter'
    >)
);

/** The races, drawn from the seed: 40 % trades, 25 % crafts, 35 % contracts. */
function plan(rng: Rng, ops: number): Plan[] {
  const plans: Plan[] = [];
  for (let calls = 0; calls < ops;) {
    const roll = rng.float();
    const jitter = Array.from({ length: 5 }, () => rng.int(0, 20));
    if (roll < 0.4) {
      const race = rng.float() < 0.5 ? ('offer' as const) : ('accept' as const);
      const r = rng.float();
      const rival =
        race === 'accept'
          ? r < 0.5
            ? ('listed' as const)
            : ('sold' as const)
          : r < 0.35
            ? ('listed' as const)
            : r < 0.7
              ? ('sold' as const)
              : ('second trade' as const);
      plans.push({ kind: 'trade', race, rival, jitter });
      calls += CALLS.trade;
    } else if (roll < 0.65) {
      plans.push({ kind: 'craft', jitter });
      calls += CALLS.craft;
    } else {
      plans.push({
        kind: 'contract',
        jitter,
        takerCount: rng.int(2, 3),
        expiry: rng.float() < 0.25,
        notTheirs: rng.float() < 0.5,
        dispute: rng.float() < 0.2,
      });
      calls += CALLS.contract;
    }
  }
  return plans;
}

/** Seeds one race's characters; the race itself, ready to run. */
async function prepare(db: Db, p: Plan, i: number): Promise<(ctx: StormCtx) => Promise<void>> {
  if (p.kind === 'trade') {
    const a = await one(db, { eddies: 10_000, goods: [TRADE_GOOD], units: 10 });
    const b = await one(db, { eddies: 1_000, goods: [], units: 0 });
    const c = p.rival === 'second trade' ? await one(db, { eddies: 0, goods: [], units: 0 }) : a;
    return (ctx) => tradeRace(ctx, { a, b, c, race: p.race, rival: p.rival, jitter: p.jitter });
  }
  if (p.kind === 'craft') {
    const k = await crafter(db);
    const partner = await one(db, { eddies: 0, goods: [], units: 0 });
    return (ctx) =>
      craftRace(ctx, {
        crafter: k,
        partner,
        keys: [`storm-${i}-a`, `storm-${i}-b`],
        jitter: p.jitter,
      });
  }
  const poster = await one(db, { eddies: 5_000, goods: [], units: 0 });
  const takers: string[] = [];
  for (let t = 0; t < p.takerCount; t++)
    takers.push(await one(db, { eddies: 500, goods: [CONTRACT_GOOD], units: DELIVERY }));
  return (ctx) => contractRace(ctx, { ...p, poster, takers, key: `storm-${i}` });
}

const deadlocks = async (db: Db) =>
  Number(
    (
      await db.$queryRaw<{ n: bigint }[]>`
        SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()`
    )[0]!.n,
  );

export async function tradesCraftsContracts(
  db: Db,
  o: { ops: number; width: number; seed: number },
  say: (m: string) => void,
): Promise<{ result: PhaseResult; tally: StormTally; note: string }> {
  const plans = plan(seededRng(o.seed + 4), o.ops);
  const t0 = performance.now();
  const races: ((ctx: StormCtx) => Promise<void>)[] = new Array(plans.length);
  await pool(
    8,
    plans.map((p, i) => async () => void (races[i] = await prepare(db, p, i))),
  );
  say(
    `  ${plans.length} races seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s; running`,
  );
  await settleTables(db);
  const ctx: StormCtx = { db, rec: new Recorder(), tally: newTally() };
  const locks0 = await deadlocks(db);
  const t1 = performance.now();
  await pool(
    o.width,
    races.map((race) => () => race(ctx)),
  );
  const seconds = (performance.now() - t1) / 1000;
  const locks = (await deadlocks(db)) - locks0;
  const count = (k: Plan['kind']) => plans.filter((p) => p.kind === k).length;
  const all = ctx.rec.all();
  for (const [kind, stack] of ctx.rec.failureStacks) say(`  FAILED ${kind}:\n${stack}`);
  return {
    result: {
      name: 'trades, crafts, contracts',
      ops: all.calls,
      seconds,
      fills: 0,
      calls: ctx.rec.stats(),
      all,
    },
    tally: ctx.tally,
    note: `${count('trade')} trade races, ${count('craft')} craft races and ${count('contract')} contract races, ${o.width} in flight (a race is several calls at once); ${locks} deadlocks in pg_stat_database meanwhile (each rerun by the domain).`,
  };
}
