import {
  ContractBoardInputSchema,
  ContractMineInputSchema,
  type ContractBoardInput,
  type ContractMineInput,
  type ContractView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { contractRows } from './contract-rows';
import { contractViews } from './contract-views';
import { RUNNING } from './post-contract';

/** Contracts one board page shows; finished ones "mine" keeps. */
export const CONTRACT_BOARD_PAGE = 50;
const FINISHED_KEPT = 20;

/** The board: contracts open to take, newest first, by kind and a word of the target's name. */
export async function contractBoard(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: ContractBoardInput,
): Promise<ContractView[]> {
  const b = parseInput(ContractBoardInputSchema, input);
  const rows = await deps.db.contract.findMany({
    where: {
      state: 'posted',
      posterId: { not: null },
      acceptBy: { gt: deps.clock.now() },
      ...(b.kind ? { kind: b.kind } : {}),
      ...(b.search ? { targetName: { contains: b.search, mode: 'insensitive' as const } } : {}),
    },
    orderBy: { postedAt: 'desc' },
    take: CONTRACT_BOARD_PAGE,
  });
  return contractViews(deps.db, contractRows(rows), b.characterId);
}

/** Your contracts: every running one you posted or took, then the last finished ones. */
export async function myContracts(
  deps: Pick<GameDeps, 'db'>,
  input: ContractMineInput,
): Promise<ContractView[]> {
  const m = parseInput(ContractMineInputSchema, input);
  const mine = { OR: [{ posterId: m.characterId }, { takerId: m.characterId }] };
  const running = await deps.db.contract.findMany({
    where: { ...mine, state: { in: RUNNING } },
    orderBy: { postedAt: 'desc' },
    take: CONTRACT_BOARD_PAGE,
  });
  const finished = await deps.db.contract.findMany({
    where: { ...mine, state: { notIn: RUNNING } },
    orderBy: { closedAt: 'desc' },
    take: FINISHED_KEPT,
  });
  return contractViews(deps.db, contractRows([...running, ...finished]), m.characterId);
}
