import type { GameDeps } from '../core/deps';
import { DIRECT, inTransaction } from '../core/transaction';
import { lockWithParties, moveOf } from './contract-rows';
import { settleLocked, type SettleOutcome } from './settle-contract';
import { transition, type ContractAction, type ContractState } from '@necp/shared';

/** The worker's contract job: every minute, once across all nodes. */
export const CONTRACT_TASK = 'contract_tick';
export const CONTRACT_CRONTAB = `* * * * * ${CONTRACT_TASK}`;

const BATCH = 200;

const TIMEOUTS: readonly {
  action: ContractAction;
  state: ContractState;
  due: 'acceptBy' | 'deadline' | 'releaseAt';
  outcome: SettleOutcome;
}[] = [
  { action: 'expire', state: 'posted', due: 'acceptBy', outcome: 'expired' },
  { action: 'miss_deadline', state: 'accepted', due: 'deadline', outcome: 'failed' },
  { action: 'auto_release', state: 'delivered', due: 'releaseAt', outcome: 'confirmed' },
];

/**
 * Runs the three timeouts, each contract in its own transaction under the lock of its
 * sides and its row, re-reading it there: a contract that moved meanwhile (taken just
 * before its window closed, delivered just before the deadline, confirmed or disputed
 * just before the release) is left alone, so the job twice, or on two processes at once,
 * changes nothing the second time. Expired: the reward back to the poster. Deadline
 * missed: failed, the reward and the collateral to the poster. Not confirmed nor
 * disputed in 72 h: released to the taker as if confirmed.
 */
export async function runContractTimeouts(
  deps: Pick<GameDeps, 'db' | 'clock'>,
): Promise<Record<'expired' | 'failed' | 'released', number>> {
  const now = deps.clock.now();
  const counts = { expired: 0, failed: 0, released: 0 };
  for (const t of TIMEOUTS) {
    const due = await deps.db.contract.findMany({
      where: { state: t.state, [t.due]: { lte: now } },
      select: { id: true },
      orderBy: { [t.due]: 'asc' },
      take: BATCH,
    });
    for (const d of due) {
      const done = await inTransaction(
        deps.db,
        async (tx) => {
          const c = await lockWithParties(tx, d.id);
          const at = c[t.due];
          if (!transition(c.state, t.action, 'system').ok || !at || at > now) return false;
          await settleLocked(tx, c, moveOf(c, t.action, 'system'), t.outcome, now);
          return true;
        },
        DIRECT,
      );
      if (done)
        counts[
          t.outcome === 'expired' ? 'expired' : t.outcome === 'failed' ? 'failed' : 'released'
        ]++;
    }
  }
  return counts;
}
