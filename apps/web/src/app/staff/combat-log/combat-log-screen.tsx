'use client';
/**
 * The moderators' combat log: filters live in the URL (applying them pushes a new
 * URL, the server page re-renders and remounts this screen), rows page backwards
 * in time with the API's cursor.
 */
import { skipToken, useInfiniteQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toFormError } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';
import { FilterForm } from './filter-form';
import { filtersToSearch, toCombatLogInput, type CombatLogFilters } from './filters';
import { summarize, zoneLabel } from './format';
import { LogTable } from './log-table';

const FIELD_LABEL: Record<string, string> = {
  characterName: 'Character',
  zoneId: 'Zone',
  since: 'Since',
  until: 'Until',
  cursor: 'Page',
  limit: 'Page size',
};

/** One readable line for a failed query: the server's message, or its field errors by label. */
function errorText(err: unknown): string {
  const { fields, message } = toFormError(err);
  if (message) return message;
  return Object.entries(fields)
    .map(([k, m]) => `${FIELD_LABEL[k] ?? k}: ${m}`)
    .join(' · ');
}

export function CombatLogScreen({ filters }: { filters: CombatLogFilters }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const parsed = toCombatLogInput(filters);
  const log = useInfiniteQuery(
    trpc.moderation.combatLog.infiniteQueryOptions(parsed.ok ? parsed.input : skipToken, {
      getNextPageParam: (page) => page.nextCursor,
      // NOT_FOUND / BAD_REQUEST / FORBIDDEN will not change on a second try
      retry: false,
      staleTime: 0,
    }),
  );
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const sum = summarize(entries);
  const apply = (next: CombatLogFilters) =>
    startNavigation(() => router.push(`/staff/combat-log${filtersToSearch(next)}`));
  const problem = parsed.ok ? (log.isError ? errorText(log.error) : null) : parsed.message;
  const chips = [
    filters.character && `character ${filters.character}`,
    filters.zone && `zone ${zoneLabel(filters.zone)}`,
    filters.since && `since ${filters.since.replace('T', ' ')}`,
    filters.until && `until ${filters.until.replace('T', ' ')}`,
  ].filter(Boolean);

  return (
    <div className="stafflog" data-testid="combat-log-screen">
      <header className="stafflog__head">
        <div>
          <p className="panel__title">staff terminal · moderation</p>
          <h1 className="stafflog__title">Combat log</h1>
          <p className="muted stafflog__lead">
            Append-only record of every hit, miss, heal, tick, effect, death and respawn. Newest
            first; all times UTC.
          </p>
        </div>
        <button
          type="button"
          className="btn btn--small"
          disabled={!parsed.ok || log.isFetching}
          onClick={() => void log.refetch()}
          data-testid="combat-log-refresh"
        >
          ⟳ Refresh
        </button>
      </header>

      <FilterForm initial={filters} busy={navigating} onApply={apply} />

      {problem && (
        <div className="form-error stafflog__error" role="alert" data-testid="combat-log-error">
          <strong>Scan failed</strong> — {problem}
        </div>
      )}

      {parsed.ok && log.isPending && (
        <p className="loading" data-testid="combat-log-loading">
          Scanning the log…
        </p>
      )}

      {log.isSuccess && (
        <section className="panel stafflog__results" aria-label="Combat log entries">
          <div className="stafflog__readout" data-testid="combat-log-summary">
            <span>
              <b>{sum.events}</b> events
            </span>
            <span className="stafflog__readout--damage">
              <b>{sum.damage}</b> damage
            </span>
            <span className="stafflog__readout--crit">
              <b>{sum.crits}</b> crits
            </span>
            <span className="stafflog__readout--heal">
              <b>{sum.healing}</b> healed
            </span>
            <span className="stafflog__readout--death">
              <b>{sum.deaths}</b> deaths
            </span>
            <span className="stafflog__filters-on">
              {chips.length > 0 ? chips.map((c) => <i key={String(c)}>{c}</i>) : <i>no filters</i>}
            </span>
          </div>
          {entries.length === 0 ? (
            <p className="muted empty" data-testid="combat-log-empty">
              No combat matches these filters.
            </p>
          ) : (
            <LogTable entries={entries} filters={filters} />
          )}
          <footer className="stafflog__foot">
            {log.hasNextPage ? (
              <button
                type="button"
                className="btn btn--magenta btn--small"
                disabled={log.isFetchingNextPage}
                onClick={() => void log.fetchNextPage()}
                data-testid="combat-log-more"
              >
                {log.isFetchingNextPage ? 'Loading…' : '▼ Load older'}
              </button>
            ) : (
              entries.length > 0 && (
                <span className="muted" data-testid="combat-log-end">
                  — end of log —
                </span>
              )
            )}
          </footer>
        </section>
      )}
    </div>
  );
}
