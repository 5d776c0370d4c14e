import {
  ContractRuleInputSchema,
  ContractStaffNoteInputSchema,
  outranks,
  type ContractCaseView,
  type ContractRuleInput,
} from '@necp/shared';
import type { z } from 'zod';
import type { GameDeps, Tx } from '../core/deps';
import { inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { staffOnly } from '../moderation/may-moderate';
import { isConflicted } from './conflict-of-interest';
import { lockWithParties, moveOf } from './contract-rows';
import { appendEvidence } from './dispute-contract';
import { conflictOfInterest, contractNotFound } from './errors';
import { contractCase } from './read-cases';
import { settleLocked } from './settle-contract';

/** The moderator's account, staff and not related to either side (conflict-of-interest.ts). */
async function assertMayRule(tx: Tx, moderatorId: string, contractId: string) {
  const mod = await tx.user.findUnique({
    where: { id: moderatorId },
    select: { role: true, username: true },
  });
  if (!mod || !outranks(mod.role, 'PLAYER')) throw staffOnly();
  const c = await tx.contract.findUnique({
    where: { id: contractId },
    select: { posterId: true, takerId: true },
  });
  if (!c) throw contractNotFound();
  const parties = [c.posterId, c.takerId].filter((x): x is string => !!x);
  if (await isConflicted(tx, moderatorId, parties)) throw conflictOfInterest();
  return mod;
}

/**
 * A moderator rules on a disputed contract, once (the state table refuses a second
 * ruling): release (all to the taker), refund (all to the poster, the items back to the
 * taker) or a split of the reward (the collateral back to the taker); the losing side
 * pays the arbitration fee (half each on a split). The ruling row, the settlement and
 * the fees are one transaction; the ruling is append-only.
 */
export async function ruleContract(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: ContractRuleInput & { moderatorId: string },
): Promise<ContractCaseView> {
  const r = parseInput(ContractRuleInputSchema, input);
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const mod = await assertMayRule(tx, input.moderatorId, r.contractId);
    const c = await lockWithParties(tx, r.contractId);
    const to = moveOf(c, 'rule', 'moderator');
    const takerPct = r.ruling === 'release' ? 100 : r.ruling === 'refund' ? 0 : r.takerPct;
    const fees = await settleLocked(tx, c, to, r.ruling, now, takerPct);
    await tx.contractRuling.create({
      data: {
        contractId: c.id,
        ruling: r.ruling,
        takerPct,
        note: r.note,
        moderatorId: input.moderatorId,
        moderator: mod.username,
        ...fees,
        at: now,
      },
    });
  });
  return contractCase(deps, {
    contractId: r.contractId,
    viewer: { moderatorId: input.moderatorId },
  });
}

/** A moderator's note in a case's evidence (asking a side something, recording a check). */
export async function noteContractCase(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: z.input<typeof ContractStaffNoteInputSchema> & { moderatorId: string },
): Promise<void> {
  const r = parseInput(ContractStaffNoteInputSchema, input);
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const mod = await assertMayRule(tx, input.moderatorId, r.contractId);
    const c = await lockWithParties(tx, r.contractId);
    moveOf(c, 'rule', 'moderator');
    await appendEvidence(tx, c, 'moderator', mod.username, r.text, now);
  });
}
