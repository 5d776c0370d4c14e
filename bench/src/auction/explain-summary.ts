/** The gist of an EXPLAIN (ANALYZE) text plan, for one line of the report. */

export interface ScanSummary {
  /** e.g. `Index Scan using "AuctionListing_state_endsAt_idx"` or `Seq Scan` */
  node: string;
  /** the planner's estimate of the rows the scan returns, and the rows it did */
  estimatedRows: number;
  actualRows: number;
  /** rows the scan read and dropped (its Filter) */
  removedByFilter: number;
}

const NODE =
  /^\s*(?:->\s+)?((?:Parallel )?(?:Seq Scan|Index Scan(?: Backward)?|Index Only Scan(?: Backward)?|Bitmap Heap Scan|Bitmap Index Scan)(?: using "?[\w$]+"?)?) on [^(]*\(cost=[\d.]+\.\.[\d.]+ rows=(\d+) width=\d+\) \(actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)\)/;
const REMOVED = /Rows Removed by (?:Filter|Index Recheck): (\d+)/;

/** Every scan of the plan, in order, with the rows its filter dropped. */
export function scansOf(plan: readonly string[]): ScanSummary[] {
  const scans: ScanSummary[] = [];
  for (const line of plan) {
    const m = NODE.exec(line);
    if (m) {
      const loops = Number(m[4]);
      scans.push({
        node: m[1]!,
        estimatedRows: Number(m[2]),
        actualRows: Number(m[3]) * loops,
        removedByFilter: 0,
      });
      continue;
    }
    const r = REMOVED.exec(line);
    const last = scans.at(-1);
    if (r && last) last.removedByFilter += Number(r[1]);
  }
  return scans;
}

/** "Index Scan using X: 99,891 rows read and dropped by its filter for 0 returned (1,964 estimated)". */
export function describeScans(plan: readonly string[]): string {
  return scansOf(plan)
    .map(
      (s) =>
        `${s.node}: ${s.removedByFilter.toLocaleString('en-US')} rows read and dropped by its filter for ${s.actualRows.toLocaleString('en-US')} returned (${s.estimatedRows.toLocaleString('en-US')} estimated)`,
    )
    .join('; ');
}
