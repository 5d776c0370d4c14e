'use client';

/** The next page of a mail list (inbox or sent), while there is one. */
export function OlderMailButton({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className="btn btn--ghost btn--small mail__more"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      Older mail
    </button>
  );
}
