import {
  CONTRACT_EVIDENCE_MAX,
  ContractDisputeInputSchema,
  ContractEvidenceInputSchema,
  type ContractDisputeInput,
  type ContractEvidenceAuthor,
  type ContractEvidenceInput,
  type ContractView,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { notify } from '../notifications/notifications';
import { actorOf, lockWithParties } from './contract-rows';
import { moveBy } from './move-by';
import { contractNotNow, evidenceFull, notYourContract } from './errors';
import type { ContractRow } from '../core/locked-rows';

/** Appends a line to a dispute's evidence (append-only: a trigger refuses changes). */
export async function appendEvidence(
  tx: Tx,
  c: ContractRow,
  by: ContractEvidenceAuthor,
  name: string,
  text: string,
  now: Date,
): Promise<void> {
  const [lines] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM "ContractEvidence" WHERE "contractId" = ${c.id}`;
  if (lines!.n >= CONTRACT_EVIDENCE_MAX) throw evidenceFull();
  await tx.$executeRaw`INSERT INTO "ContractEvidence" ("contractId", "by", "name", "text", "at")
    VALUES (${c.id}, ${by}, ${name}, ${text}, ${now}::timestamp)`;
}

/**
 * The poster disputes a delivery, before the automatic release (a dispute after it reads
 * "confirmed"): the escrow stays held and the case waits for a moderator; the reason is
 * the case's first line of evidence.
 */
export async function disputeContract(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: ContractDisputeInput,
): Promise<ContractView> {
  const r = parseInput(ContractDisputeInputSchema, input);
  return moveBy(deps, r, 'dispute', async (tx, c, to, now) => {
    if (c.releaseAt && c.releaseAt <= now) throw contractNotNow('confirmed');
    await tx.$executeRaw`UPDATE "Contract" SET "state" = ${to} WHERE "id" = ${c.id}`;
    await appendEvidence(tx, c, 'poster', c.posterName, r.reason, now);
    if (c.takerId)
      await notify(tx, now, {
        characterId: c.takerId,
        kind: 'contract_update',
        title: `Contract disputed: ${c.targetName} ×${c.quantity}`,
        body: 'A moderator will rule. Add what you have to say to the case.',
      });
  });
}

/** Either side adds to the evidence of a disputed contract (until it is ruled). */
export async function addContractEvidence(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: ContractEvidenceInput,
): Promise<void> {
  const r = parseInput(ContractEvidenceInputSchema, input);
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const c = await lockWithParties(tx, r.contractId, [r.characterId]);
    const side = actorOf(c, r.characterId);
    if (side !== 'poster' && side !== 'taker') throw notYourContract();
    if (c.state !== 'disputed') throw contractNotNow(c.state);
    const name = side === 'poster' ? c.posterName : (c.takerName ?? '');
    await appendEvidence(tx, c, side, name, r.text, now);
  });
}
