/**
 * What the trades, crafts and contracts storm remembers of each race (who raced, which
 * calls the domain took), so its checks (storm-checks.ts) can hold the database's end
 * state against the calls' outcomes.
 */
import type { Db } from '@necp/db';
import { FakeClock, createLog, systemClock } from '@necp/game';
import type { Recorder } from './measure';

/** The bag stack of `a` offered in a trade with `b` while `a` also listed or sold it. */
export interface TradeRace {
  tradeId: string;
  a: string;
  b: string;
  stackId: string;
  /** what raced the stack's offer (or, when the offer came first, the accepts) */
  rival: 'listed' | 'sold' | 'second trade';
  /** the offer raced the rival ('offer'), or was in before and the accepts raced it ('accept') */
  race: 'offer' | 'accept';
  offerOk: boolean;
  rivalOk: boolean;
}

/** A crafter with the inputs of ONE craft: two starts and a trade offer of its scrap at once. */
export interface CraftRace {
  crafter: string;
  partner: string;
  tradeId: string | null;
  scrapId: string;
  /** the crafts the starts returned (distinct ids) */
  started: string[];
  offerOk: boolean;
}

/** One deliver contract: takers at once, a delivery racing the deadline, a confirm the release. */
export interface ContractRace {
  contractId: string;
  poster: string;
  takers: string[];
  /** the takers whose accept the domain took */
  winners: string[];
  delivered: boolean;
  /** the losing taker's delivery (refused: not theirs) */
  notTheirsOk: boolean;
}

export interface StormTally {
  trades: TradeRace[];
  crafts: CraftRace[];
  contracts: ContractRace[];
  /** a "second trade" (a request to a character in an open trade) the domain took */
  secondTrades: number;
}

export const newTally = (): StormTally => ({
  trades: [],
  crafts: [],
  contracts: [],
  secondTrades: 0,
});

/** What every job of the storm works with. */
export interface StormCtx {
  db: Db;
  rec: Recorder;
  tally: StormTally;
}

/**
 * `fn` after `ms`: the racing calls of a race leave 0–20 ms apart (drawn from the seed),
 * as clicks do — so each side of a race gets there first some of the time.
 */
export const after = <T>(ms: number, fn: () => Promise<T>): Promise<T> =>
  new Promise<void>((r) => setTimeout(r, ms)).then(fn);

/** the storm's calls log nothing (the bench's tables say what happened) */
const QUIET = createLog('economy-storm', 'silent');
/** the game's deps on the wall clock */
export const now = (db: Db) => ({ db, clock: systemClock, log: QUIET });
/** the game's deps on a clock at `ms` (epoch): a player's click or the worker at that time */
export const at = (db: Db, ms: number) => ({ db, clock: new FakeClock(ms) });
