'use client';
/**
 * The moderators' report queue: players' reports of chat messages and of players,
 * newest first, each with the lines that went with it. One click mutes the reported
 * account (every sim reads mutes per message) and closes the report; the others close
 * it with what was decided. Resolved reports are one tab away.
 */
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PLAYER_REPORT_REASON_LABEL } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';
import { ReportCard, type ReportAction, type ReportRow } from './report-card';

type Status = 'open' | 'resolved';

export function ReportsScreen() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [status, setStatus] = useState<Status>('open');
  const [problem, setProblem] = useState<string | null>(null);
  const list = useInfiniteQuery(
    trpc.moderation.reports.infiniteQueryOptions(
      { status, limit: 20 },
      {
        getNextPageParam: (page) => page.nextCursor,
        retry: false,
        staleTime: 0,
      },
    ),
  );
  const done = () => void qc.invalidateQueries(trpc.moderation.reports.pathFilter());
  const fail = (e: unknown) => setProblem(refusal(e));
  const resolve = useMutation(trpc.moderation.resolveReport.mutationOptions({ onSettled: done }));
  const mute = useMutation(trpc.moderation.chatMute.mutationOptions());

  const act = async (r: ReportRow, a: ReportAction) => {
    setProblem(null);
    try {
      if (a.muteMinutes) {
        if (!r.targetUserId) throw new Error('The reported account is gone.');
        const why =
          r.kind === 'player'
            ? PLAYER_REPORT_REASON_LABEL[r.reason]
            : (r.reason ?? 'reported message');
        await mute.mutateAsync({ userId: r.targetUserId, minutes: a.muteMinutes, reason: why });
      }
      await resolve.mutateAsync({ kind: r.kind, id: r.id, resolution: a.resolution });
    } catch (e) {
      fail(e);
      done();
    }
  };

  const reports = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="stafflog reports" data-testid="reports-screen">
      <header className="stafflog__head">
        <div>
          <p className="panel__title">staff terminal · moderation</p>
          <h1 className="stafflog__title">Reports</h1>
          <p className="muted stafflog__lead">
            Reported chat messages and players, newest first, with the messages that went with them
            as they were then (masked words shown as typed). Times UTC.
          </p>
        </div>
        <div className="reports__tabs" role="tablist">
          {(['open', 'resolved'] as const).map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={status === s}
              className={`btn btn--small${status === s ? ' btn--magenta' : ''}`}
              data-testid={`reports-tab-${s}`}
              onClick={() => setStatus(s)}
            >
              {s === 'open' ? 'Open' : 'Resolved'}
            </button>
          ))}
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
        <div className="form-error stafflog__error" role="alert" data-testid="reports-error">
          <strong>Failed</strong> — {problem ?? refusal(list.error)}
        </div>
      )}
      {list.isPending && <p className="loading">Reading the queue…</p>}
      {list.isSuccess && reports.length === 0 && (
        <p className="muted empty" data-testid="reports-empty">
          {status === 'open' ? 'No open reports. The city is quiet.' : 'Nothing resolved yet.'}
        </p>
      )}
      <div className="reports__list">
        {reports.map((r) => (
          <ReportCard
            key={`${r.kind}-${r.id}`}
            report={r}
            busy={resolve.isPending || mute.isPending}
            onAction={(a) => void act(r, a)}
          />
        ))}
      </div>
      {list.hasNextPage && (
        <footer className="stafflog__foot">
          <button
            type="button"
            className="btn btn--magenta btn--small"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? 'Loading…' : '▼ Load older'}
          </button>
        </footer>
      )}
    </div>
  );
}
