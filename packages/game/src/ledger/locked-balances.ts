/**
 * Eddies of characters whose rows this transaction has locked and read: what each one
 * holds after each step is known here, so the new balances go in ONE write — an UPDATE
 * for a data-modifying CTE (core/one-statement.ts) — beside the writer's other writes,
 * instead of a statement each (recordCurrency): a statement costs a round trip. The
 * UPDATE changes a row only while it holds what was read; the writer's last query
 * checks that every row was changed (`allWritten`), else it writes nothing and throws.
 * A balance below zero or past 2^31−1 is refused before anything is sent.
 */
import { Prisma } from '@necp/db';
import type { LedgerRow } from './insert-ledger-rows';
import { balanceOverflow, notEnoughEddies, type CurrencyChange } from './record-currency';

const INT_MAX = 2_147_483_647;

export interface BalanceChange {
  id: string;
  before: number;
  after: number;
}

/** The UPDATE of locked characters' balances, each only if it still holds `before`. */
export function balancesUpdate(changes: readonly BalanceChange[]): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Character" c SET "eddies" = v."after", "updatedAt" = now()
    FROM unnest(${changes.map((b) => b.id)}::text[], ${changes.map((b) => b.before)}::int[],
      ${changes.map((b) => b.after)}::int[]) AS v("id", "before", "after")
    WHERE c."id" = v."id" AND c."eddies" = v."before"
    RETURNING c."id"`;
}

/** Steps on locked characters' balances, gathered for one write (above). */
export class LockedBalances {
  private readonly byId = new Map<string, BalanceChange>();

  /** A step of `c`'s (its row as locked and read): its ledger row, with the balance after. */
  step(c: { id: string; eddies: number }, change: CurrencyChange): LedgerRow {
    if (change.characterId !== c.id) throw new Error('LockedBalances: a step of another row');
    if (!Number.isSafeInteger(change.delta))
      throw new Error(`LockedBalances: bad delta ${change.delta}`);
    const b = this.byId.get(c.id) ?? { id: c.id, before: c.eddies, after: c.eddies };
    const after = b.after + change.delta;
    if (after < 0) throw notEnoughEddies();
    if (after > INT_MAX) throw balanceOverflow();
    this.byId.set(c.id, { ...b, after });
    return {
      reason: change.reason,
      characterId: c.id,
      eddiesDelta: change.delta,
      balanceAfter: after,
      fromOwner: change.fromOwner ?? null,
      toOwner: change.toOwner ?? null,
      ref: change.ref ?? null,
    };
  }

  /** The write of every balance stepped (balancesUpdate). */
  write(): Prisma.Sql {
    return balancesUpdate([...this.byId.values()]);
  }

  /** True in SQL when the write named `cte` changed every row it should have. */
  allWritten(cte: string): Prisma.Sql {
    return Prisma.sql`(SELECT count(*) FROM ${Prisma.raw(cte)}) = ${this.byId.size}`;
  }
}
