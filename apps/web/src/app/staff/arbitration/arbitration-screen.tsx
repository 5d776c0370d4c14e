'use client';
/**
 * The moderators' arbitration queue: disputed contracts, the oldest dispute first,
 * each with its terms, what was delivered, both sides' evidence, a note box and the
 * ruling form (release, refund or a split of the reward, with a required note). A case
 * this moderator may not rule (a party, or sharing a device or an address with one)
 * says why. ?case=<id> shows one case, ruled or not (the link a ruling leaves).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { ContractRuleInput } from '@necp/shared';
import { rulingText } from '@/game/contracts/contracts-view';
import { refusal } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';
import { CaseCard } from './case-card';

interface Ruled {
  contractId: string;
  what: string;
  text: string;
}

export function ArbitrationScreen({ contractId }: { contractId: string | null }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [ruled, setRuled] = useState<Ruled[]>([]);
  const queue = useQuery({
    ...trpc.moderation.arbitration.queryOptions(),
    enabled: contractId === null,
    retry: false,
    staleTime: 0,
  });
  const one = useQuery({
    ...trpc.moderation.arbitrationCase.queryOptions({ contractId: contractId ?? 'none' }),
    enabled: contractId !== null,
    retry: false,
    staleTime: 0,
  });
  const list = contractId ? one : queue;
  const cases = contractId ? (one.data ? [one.data] : []) : (queue.data ?? []);
  const done = () => {
    void qc.invalidateQueries(trpc.moderation.arbitration.queryFilter());
    void qc.invalidateQueries(trpc.moderation.arbitrationCase.pathFilter());
  };
  const fail = (e: unknown) => setProblem(refusal(e));
  const rule = useMutation(
    trpc.moderation.ruleContract.mutationOptions({ onError: fail, onSettled: done }),
  );
  const note = useMutation(
    trpc.moderation.noteContract.mutationOptions({ onError: fail, onSettled: done }),
  );
  const onRule = (input: ContractRuleInput, what: string) => {
    setProblem(null);
    rule.mutate(input, {
      onSuccess: (k) =>
        setRuled((r) => [
          {
            contractId: k.id,
            what,
            text: k.ruling ? rulingText(k.ruling.ruling, k.ruling.takerPct) : 'ruled',
          },
          ...r,
        ]),
    });
  };
  const onNote = (contractId: string, text: string, after: () => void) => {
    setProblem(null);
    note.mutate({ contractId, text }, { onSuccess: after });
  };

  return (
    <div className="stafflog arbitration" data-testid="arbitration-screen">
      <header className="stafflog__head">
        <div>
          <p className="panel__title">staff terminal · contracts</p>
          <h1 className="stafflog__title">Arbitration</h1>
          <p className="muted stafflog__lead">
            Disputed player contracts, the oldest dispute first. Read both sides, ask in a note if
            you must, then rule: the losing side pays the arbitration fee (half each on a split).
            Times UTC.
          </p>
        </div>
        <div className="reports__tabs">
          {contractId && (
            <Link href="/staff/arbitration" className="btn btn--small">
              ← The queue
            </Link>
          )}
          <button
            type="button"
            className="btn btn--small"
            disabled={list.isFetching}
            onClick={() => void list.refetch()}
          >
            ⟳ Refresh
          </button>
        </div>
      </header>
      {(problem || list.isError) && (
        <div className="form-error stafflog__error" role="alert" data-testid="arbitration-error">
          <strong>Failed</strong> — {problem ?? refusal(list.error)}
        </div>
      )}
      {ruled.map((r) => (
        <p
          key={r.contractId}
          className="arb-ruled"
          data-testid="arbitration-ruled"
          data-contract={r.contractId}
        >
          Ruled <b>{r.what}</b>: {r.text}.{' '}
          <Link href={`/staff/arbitration?case=${r.contractId}`}>The case</Link>
        </p>
      ))}
      {list.isPending && <p className="loading">Reading the queue…</p>}
      {list.isSuccess && cases.length === 0 && (
        <p className="muted empty" data-testid="arbitration-empty">
          No disputed contracts. Every deal in the city holds, for now.
        </p>
      )}
      <div className="reports__list">
        {cases.map((k) => (
          <CaseCard
            key={k.id}
            k={k}
            busy={rule.isPending || note.isPending}
            onRule={onRule}
            onNote={onNote}
          />
        ))}
      </div>
    </div>
  );
}
