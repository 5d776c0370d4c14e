/**
 * The storm's contract races, one deliver contract per job on characters of its own:
 * takers accepting at once (one wins), a delivery a second before the deadline racing
 * the worker's timeouts a second after it, a confirm (or a dispute) racing the 72 h
 * release — and, for some, the accepts a second before the acceptance window closes
 * racing the expiry. Every sweep is the worker's whole job (runContractTimeouts): it
 * settles whatever of the storm is due at its clock, not only its own contract.
 */
import {
  acceptContract,
  confirmContract,
  deliverContract,
  disputeContract,
  postContract,
  runContractTimeouts,
} from '@necp/game';
import { CONTRACT_RELEASE_AFTER_MS } from '@necp/shared';
import { after, at, now, type StormCtx } from './storm-tally';

export const CONTRACT_GOOD = 'circuit_board';
/** what a contract asks: each taker holds exactly this many */
export const DELIVERY = 5;
const REWARD = 100;
const COLLATERAL = 20;
const S = 1_000;

export interface ContractPlan {
  poster: string;
  takers: string[];
  key: string;
  /** accepts racing the acceptance window's end (acceptH 24) rather than on a fresh contract */
  expiry: boolean;
  /** a losing taker tries to deliver too */
  notTheirs: boolean;
  /** the poster disputes the delivery rather than confirming it */
  dispute: boolean;
  /** ms before each racing call: the takers', the sweeps', the delivery's, the answer's */
  jitter: readonly number[];
}

export async function contractRace(ctx: StormCtx, p: ContractPlan): Promise<void> {
  const { db, rec } = ctx;
  const posted = await rec.call('contract post', () =>
    postContract(now(db), {
      characterId: p.poster,
      idempotencyKey: p.key,
      kind: 'deliver',
      targetId: CONTRACT_GOOD,
      quantity: DELIVERY,
      reward: REWARD,
      collateral: COLLATERAL,
      acceptH: p.expiry ? 24 : 168,
      deliverH: 2,
    }),
  );
  if (!posted) return;
  const contractId = posted.id;
  const closes = Date.parse(posted.acceptBy);
  const [accepts] = await Promise.all([
    Promise.all(
      p.takers.map((t, i) =>
        after(p.jitter[i]!, () =>
          rec.call('contract accept', () =>
            acceptContract(p.expiry ? at(db, closes - S) : now(db), {
              characterId: t,
              contractId,
            }),
          ),
        ),
      ),
    ),
    p.expiry
      ? after(p.jitter[3]!, () =>
          rec.call('expiry sweep', () => runContractTimeouts(at(db, closes + S))),
        )
      : null,
  ]);
  const winners = p.takers.filter((_, i) => !!accepts[i]);
  const race = {
    contractId,
    poster: p.poster,
    takers: p.takers,
    winners,
    delivered: false,
    notTheirsOk: false,
  };
  ctx.tally.contracts.push(race);
  const taken = accepts.find((v) => !!v);
  if (!taken || !taken.deadline || winners.length !== 1) return;
  const taker = winners[0]!;
  const loser = p.takers.find((t) => t !== taker);
  const deadline = Date.parse(taken.deadline);
  const [delivered, , notTheirs] = await Promise.all([
    after(p.jitter[0]!, () =>
      rec.call('contract deliver', () =>
        deliverContract(at(db, deadline - S), { characterId: taker, contractId }),
      ),
    ),
    after(p.jitter[3]!, () =>
      rec.call('deadline sweep', () => runContractTimeouts(at(db, deadline + S))),
    ),
    p.notTheirs && loser
      ? after(p.jitter[1]!, () =>
          rec.call('deliver (not theirs)', () =>
            deliverContract(at(db, deadline - S), { characterId: loser, contractId }),
          ),
        )
      : null,
  ]);
  race.delivered = !!delivered;
  race.notTheirsOk = !!notTheirs;
  if (!delivered?.releaseAt) return;
  const release = Date.parse(delivered.releaseAt);
  // the poster answers a minute after the delivery; the worker comes after the 72 h
  const answer = at(db, release - CONTRACT_RELEASE_AFTER_MS + 60 * S);
  await Promise.all([
    after(p.jitter[2]!, () =>
      p.dispute
        ? rec.call('contract dispute', () =>
            disputeContract(answer, {
              characterId: p.poster,
              contractId,
              reason: 'not as agreed',
            }),
          )
        : rec.call('contract confirm', () =>
            confirmContract(answer, { characterId: p.poster, contractId }),
          ),
    ),
    after(p.jitter[4]!, () =>
      rec.call('release sweep', () => runContractTimeouts(at(db, release + S))),
    ),
  ]);
}
