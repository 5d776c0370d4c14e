'use client';
/**
 * My contracts: the ones you posted and the ones you took — running first, with their
 * state, progress and clock and what your side may do now; a disputed one shows its
 * case; then the last finished ones, to rate the other side.
 */
import type { ContractView } from '@necp/shared';
import { useInventory } from '../items/use-inventory';
import { useServerNow } from '../time/use-server-now';
import { ContractCase } from './contract-case';
import { ContractControls, DisputeForm } from './contract-controls';
import { ContractRow } from './contract-row';
import { contractActions, splitMine } from './contracts-view';
import { useMyContracts } from './use-contracts';

/** What the taker of a delivery holds towards it, free in the bag. */
function useInBag() {
  const { model } = useInventory();
  return (templateId: string) =>
    model
      ? [...model.bag.values()].reduce(
          (n, i) => n + (i.templateId === templateId ? i.quantity : 0),
          0,
        )
      : null;
}

function Mine({
  c,
  now,
  inBag,
}: {
  c: ContractView;
  now: number;
  inBag: (t: string) => number | null;
}) {
  const can = contractActions(c, now);
  const holding =
    c.you === 'taker' && c.state === 'accepted' && c.kind === 'deliver' ? inBag(c.targetId) : null;
  const hasCase = c.state === 'disputed' || c.state === 'arbitrated';
  return (
    <ContractRow
      c={c}
      now={now}
      extra={
        holding !== null && (
          <span
            className={`ct-row__progress${holding >= c.quantity ? ' is-ready' : ''}`}
            data-testid="contract-in-bag"
            title="Free in your bag"
          >
            in bag {Math.min(holding, c.quantity)} / {c.quantity}
          </span>
        )
      }
      below={
        (can.dispute || hasCase) && (
          <>
            {can.dispute && <DisputeForm c={c} />}
            {hasCase && <ContractCase c={c} />}
          </>
        )
      }
    >
      <ContractControls c={c} now={now} />
    </ContractRow>
  );
}

export function ContractMine() {
  const now = useServerNow(1000);
  const q = useMyContracts(true);
  const inBag = useInBag();
  const { running, finished } = splitMine(q.data ?? []);
  return (
    <div className="ct-mine" data-testid="contract-mine">
      {q.isPending && <p className="ah-empty">Reading your contracts…</p>}
      {q.isSuccess && running.length === 0 && finished.length === 0 && (
        <p className="ah-empty" data-testid="contract-mine-empty">
          You have no contracts. Take one from the board, or post your own.
        </p>
      )}
      {running.length > 0 && (
        <>
          <h3 className="ah-sub">Running</h3>
          <ul className="ct-list" data-testid="contract-running">
            {running.map((c) => (
              <Mine key={c.id} c={c} now={now} inBag={inBag} />
            ))}
          </ul>
        </>
      )}
      {finished.length > 0 && (
        <>
          <h3 className="ah-sub">Finished</h3>
          <ul className="ct-list ct-list--done" data-testid="contract-finished">
            {finished.map((c) => (
              <Mine key={c.id} c={c} now={now} inBag={inBag} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
