'use client';
/**
 * Player contracts over tRPC (contracts.*): the board, my contracts, a disputed case,
 * and the actions — whose refusals are toasts with the server's message and whose
 * answers refresh what they change (the board, my contracts, the bag and the purse).
 * A contract_update notification (taken, delivered, settled, ruled) reads them again, and a
 * contract:progress push (a kill or a craft counted) reads my contracts again.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ContractBoardInput, ContractPostInput, ContractView } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { bindMutation } from '@/trpc/bind-mutation';
import { useIntentKeys } from '@/trpc/idempotency';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { askText } from './contracts-view';

/** The board read again every 15 s while shown: other players post and take meanwhile. */
const LIVE = 15_000;
/**
 * My contracts: their changes are pushed (contract_update notifications, contract:progress);
 * a slow read again covers a push lost on a reconnect.
 */
const MINE_FALLBACK = 60_000;

export type BoardFilters = Omit<ContractBoardInput, 'characterId'>;

export function useContractBoard(filters: BoardFilters, enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.contracts.board.queryOptions({ characterId, ...filters }),
    enabled,
    refetchInterval: enabled ? LIVE : false,
  });
}

export function useMyContracts(enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.contracts.mine.queryOptions({ characterId }),
    enabled,
    refetchInterval: enabled ? MINE_FALLBACK : false,
  });
}

/** A contract's case (its evidence and ruling), for one of its two sides. */
export function useContractCase(contractId: string, enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.contracts.case.queryOptions({ characterId, contractId }),
    enabled,
    retry: false,
  });
}

/** After a contract changed: the board, my contracts, the bag and the purse are read again. */
export function refreshContracts(
  qc: QueryClient,
  trpc: ReturnType<typeof useTRPC>,
  characterId: string,
) {
  void qc.invalidateQueries(trpc.contracts.pathFilter());
  void qc.invalidateQueries(trpc.inventory.get.queryFilter({ characterId }));
}

/** notification:new about a contract of yours: its lists and the purse are read again. */
export function receiveContractNotification(
  t: { queryClient: QueryClient; trpc: ReturnType<typeof useTRPC>; characterId: string },
  msg: { kind: string },
) {
  if (msg.kind === 'contract_update') refreshContracts(t.queryClient, t.trpc, t.characterId);
}

/** contract:progress (a kill or a craft counted): my contracts are read again. */
export function receiveContractProgress(t: {
  queryClient: QueryClient;
  trpc: ReturnType<typeof useTRPC>;
}) {
  void t.queryClient.invalidateQueries(t.trpc.contracts.mine.pathFilter());
}

type Ref = { contractId: string };

export function useContractActions() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  const keys = useIntentKeys();
  const onError = (err: unknown) => toast('warn', refusal(err));
  const onSettled = () => refreshContracts(qc, trpc, characterId);
  const says = (text: (c: ContractView) => string, kind: 'success' | 'info' = 'success') => ({
    onSuccess: (c: ContractView) => toast(kind, text(c)),
    onError,
    onSettled,
  });
  const ref = ({ contractId }: Ref) => ({ characterId, contractId });
  const post = bindMutation(
    useMutation(
      trpc.contracts.post.mutationOptions({
        ...says((c) => `Posted: ${askText(c)}. It is on the board.`),
        onSuccess: (c, sent) => {
          keys.done(sent);
          toast('success', `Posted: ${askText(c)}. It is on the board.`);
        },
      }),
    ),
    // a second press of Post, or one after an answer that never came, posts once
    (input: Omit<ContractPostInput, 'characterId' | 'idempotencyKey'>) =>
      keys.keyed({ characterId, ...input }),
  );
  const accept = bindMutation(
    useMutation(
      trpc.contracts.accept.mutationOptions(says((c) => `Taken: ${askText(c)}. See My contracts.`)),
    ),
    ref,
  );
  const cancel = bindMutation(
    useMutation(
      trpc.contracts.cancel.mutationOptions(
        says(() => 'Contract withdrawn: the reward is yours again.', 'info'),
      ),
    ),
    ref,
  );
  const abandon = bindMutation(
    useMutation(
      trpc.contracts.abandon.mutationOptions(
        says(() => 'Contract abandoned: the collateral goes to the poster.', 'info'),
      ),
    ),
    ref,
  );
  const deliver = bindMutation(
    useMutation(
      trpc.contracts.deliver.mutationOptions(
        says(() => 'Delivered. The poster has 72 h to confirm or dispute.'),
      ),
    ),
    ref,
  );
  const confirm = bindMutation(
    useMutation(
      trpc.contracts.confirm.mutationOptions(
        says(() => 'Confirmed: the reward is paid; the delivery comes by mail.'),
      ),
    ),
    ref,
  );
  const dispute = bindMutation(
    useMutation(
      trpc.contracts.dispute.mutationOptions(
        says(() => 'Disputed: a moderator will rule. The reward stays held.', 'info'),
      ),
    ),
    (v: Ref & { reason: string }) => ({ characterId, ...v }),
  );
  const evidence = bindMutation(
    useMutation(
      trpc.contracts.evidence.mutationOptions({
        onSuccess: () => toast('success', 'Added to the case.'),
        onError,
        onSettled,
      }),
    ),
    (v: Ref & { text: string }) => ({ characterId, ...v }),
  );
  const rate = bindMutation(
    useMutation(
      trpc.contracts.rate.mutationOptions({
        onSuccess: (r) => toast('success', `Rated ${r.score} ★. Thank you.`),
        onError,
        onSettled,
      }),
    ),
    (v: Ref & { score: number }) => ({ characterId, ...v }),
  );
  const pending = [post, accept, cancel, abandon, deliver, confirm, dispute, evidence, rate].some(
    (m) => m.isPending,
  );
  return { post, accept, cancel, abandon, deliver, confirm, dispute, evidence, rate, pending };
}
