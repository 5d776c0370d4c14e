'use client';

/** The next page of a post-window list (inbox, sent, trades), while there is one. */
export function OlderMailButton({
  query,
  label = 'Older mail',
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label?: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className="btn btn--ghost btn--small mail__more"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {label}
    </button>
  );
}
