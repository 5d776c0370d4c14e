import { outranks, type ContractCaseView } from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { Db, GameDeps, Tx } from '../core/deps';
import { staffOnly } from '../moderation/may-moderate';
import { isConflicted } from './conflict-of-interest';
import { contractRows } from './contract-rows';
import { contractViews } from './contract-views';
import { contractNotFound } from './errors';
import type { ContractRow } from '../core/locked-rows';

/** Cases a moderator's queue shows at once (oldest first). */
export const ARBITRATION_QUEUE_MAX = 50;

type Viewer = { moderatorId: string } | { characterId: string };

async function caseViews(
  tx: Db | Tx,
  rows: readonly ContractRow[],
  viewer: Viewer,
): Promise<ContractCaseView[]> {
  const ids = rows.map((c) => c.id);
  const views = await contractViews(tx, rows, 'characterId' in viewer ? viewer.characterId : '');
  const evidence = await tx.contractEvidence.findMany({
    where: { contractId: { in: ids } },
    orderBy: { id: 'asc' },
  });
  const items = await tx.contractItem.findMany({
    where: { contractId: { in: ids }, role: 'delivery' },
    select: {
      contractId: true,
      item: { select: { templateId: true, quantity: true, template: { select: { name: true } } } },
    },
  });
  const rulings = await tx.contractRuling.findMany({ where: { contractId: { in: ids } } });
  const out: ContractCaseView[] = [];
  for (const v of views) {
    const c = rows.find((x) => x.id === v.id) as ContractRow;
    const ruling = rulings.find((x) => x.contractId === v.id);
    out.push({
      ...v,
      evidence: evidence
        .filter((e) => e.contractId === v.id)
        .map((e) => ({
          by: closedSet.ContractEvidence.by.parse(e.by),
          name: e.name,
          text: e.text,
          at: e.at.toISOString(),
        })),
      delivered: items
        .filter((i) => i.contractId === v.id)
        .map((i) => ({
          templateId: i.item.templateId,
          name: i.item.template.name,
          quantity: i.item.quantity,
        })),
      ruling: ruling
        ? {
            ruling: closedSet.ContractRuling.ruling.parse(ruling.ruling),
            takerPct: ruling.takerPct,
            note: ruling.note,
            by: ruling.moderator,
            at: ruling.at.toISOString(),
          }
        : null,
      mayRule:
        'moderatorId' in viewer &&
        c.state === 'disputed' &&
        !(await isConflicted(
          tx as Tx,
          viewer.moderatorId,
          [c.posterId, c.takerId].filter((x): x is string => !!x),
        )),
    });
  }
  return out;
}

async function assertStaff(db: Db | Tx, userId: string) {
  const u = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!u || !outranks(u.role, 'PLAYER')) throw staffOnly();
}

/** One case: for a moderator, or for one of its two sides (anyone else: not found). */
export async function contractCase(
  deps: Pick<GameDeps, 'db'>,
  input: { contractId: string; viewer: Viewer },
): Promise<ContractCaseView> {
  const v = input.viewer;
  if ('moderatorId' in v) await assertStaff(deps.db, v.moderatorId);
  const c = await deps.db.contract.findUnique({ where: { id: input.contractId } });
  if (!c) throw contractNotFound();
  if ('characterId' in v && c.posterId !== v.characterId && c.takerId !== v.characterId)
    throw contractNotFound();
  return (await caseViews(deps.db, contractRows([c]), v))[0] as ContractCaseView;
}

/** The moderators' queue: disputed contracts, oldest dispute first. */
export async function arbitrationQueue(
  deps: Pick<GameDeps, 'db'>,
  input: { moderatorId: string },
): Promise<ContractCaseView[]> {
  await assertStaff(deps.db, input.moderatorId);
  const rows = await deps.db.contract.findMany({
    where: { state: 'disputed' },
    orderBy: { deliveredAt: 'asc' },
    take: ARBITRATION_QUEUE_MAX,
  });
  return caseViews(deps.db, contractRows(rows), input);
}
