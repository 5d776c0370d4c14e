import { describe, expect, it } from 'vitest';
import { describeScans, scansOf } from './explain-summary';
import { oneLineSql } from './report';
import { undoStatement } from './try-index';

const PLAN = [
  'Limit  (cost=8.11..170.22 rows=21 width=171) (actual time=266.130..266.134 rows=0 loops=1)',
  '  Buffers: shared hit=100371',
  '  ->  Incremental Sort  (cost=8.11..15169.81 rows=1964 width=171) (actual time=266.128..266.129 rows=0 loops=1)',
  '        Sort Key: "endsAt", id',
  '        ->  Index Scan using "AuctionListing_state_endsAt_idx" on "AuctionListing"  (cost=0.42..15081.43 rows=1964 width=171) (actual time=266.117..266.118 rows=0 loops=1)',
  "              Index Cond: ((state = 'live'::text))",
  "              Filter: ((level >= 1) AND (level <= 10) AND (rarity = 'epic'::text))",
  '              Rows Removed by Filter: 99891',
  'Planning Time: 0.176 ms',
  'Execution Time: 266.169 ms',
];

describe('scansOf', () => {
  it('finds the scan, its estimate and what its filter dropped', () => {
    expect(scansOf(PLAN)).toEqual([
      {
        node: 'Index Scan using "AuctionListing_state_endsAt_idx"',
        estimatedRows: 1964,
        actualRows: 0,
        removedByFilter: 99891,
      },
    ]);
    expect(describeScans(PLAN)).toContain('99,891 rows read and dropped');
  });

  it('reads bitmap scans and loops', () => {
    const s = scansOf([
      'Bitmap Heap Scan on "AuctionBid"  (cost=4.3..20.1 rows=5 width=8) (actual time=0.01..0.02 rows=3 loops=2)',
      '  Rows Removed by Index Recheck: 4',
      '  ->  Bitmap Index Scan on "AuctionBid_bidderId_id_idx"  (cost=0.00..4.3 rows=5 width=0) (actual time=0.01..0.01 rows=3 loops=1)',
    ]);
    expect(s.map((x) => [x.node, x.actualRows, x.removedByFilter])).toEqual([
      ['Bitmap Heap Scan', 6, 4],
      ['Bitmap Index Scan', 3, 0],
    ]);
  });
});

describe('undoStatement', () => {
  it('drops what a named CREATE INDEX or CREATE STATISTICS made', () => {
    expect(
      undoStatement(
        'CREATE INDEX "AuctionListing_state_rarity_endsAt_idx" ON "AuctionListing"("state", "rarity", "endsAt")',
      ),
    ).toBe('DROP INDEX IF EXISTS "AuctionListing_state_rarity_endsAt_idx"');
    expect(
      undoStatement('create index concurrently if not exists al_x on "AuctionListing" (rarity);'),
    ).toBe('DROP INDEX IF EXISTS al_x');
    expect(
      undoStatement('CREATE STATISTICS al_rl (mcv) ON rarity, level FROM "AuctionListing"'),
    ).toBe('DROP STATISTICS IF EXISTS al_rl');
  });

  it('refuses anything else', () => {
    expect(undoStatement('CREATE INDEX ON "AuctionListing"(rarity)')).toBeUndefined();
    expect(undoStatement('DROP TABLE "AuctionListing"')).toBeUndefined();
    expect(
      undoStatement('CREATE INDEX a ON "AuctionListing"(rarity); DROP TABLE "User"'),
    ).toBeUndefined();
  });
});

describe('oneLineSql', () => {
  it('shortens Prisma’s column list and names, one clause a line', () => {
    const cols = ['id', 'name', 'price', 'level', 'rarity']
      .map((c) => `"public"."AuctionListing"."${c}"`)
      .join(', ');
    expect(
      oneLineSql(
        `SELECT ${cols} FROM "public"."AuctionListing" WHERE ("public"."AuctionListing"."state" = $1) ORDER BY "public"."AuctionListing"."price" ASC LIMIT $2 OFFSET $3`,
      ),
    ).toEqual([
      'SELECT (all 5 columns)',
      'FROM "AuctionListing"',
      'WHERE ("state" = $1)',
      'ORDER BY "price" ASC',
      'LIMIT $2',
      'OFFSET $3',
    ]);
  });
});
