// `pnpm invariants`: the conservation check (SPEC rule 2) against DATABASE_URL.
// Compares every character's eddies and every item stack with the sums of the
// append-only ledger (plus per-template totals), prints a report and exits 1 if
// anything differs. Read-only; safe against a live database.
import { createDb } from '@necp/db';
import { checkInvariants, formatDifferences } from '../packages/game/src/ledger/check-invariants';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: point it at the database to check.');
  process.exit(2);
}

const db = createDb(url, { max: 2 });
try {
  const t0 = Date.now();
  const [characters, items, entries] = await Promise.all([
    db.character.count(),
    db.item.count(),
    db.ledgerEntry.count(),
  ]);
  const diffs = await checkInvariants(db);
  console.log(
    `checked ${characters} characters, ${items} items, ${entries} ledger entries in ${Date.now() - t0} ms`,
  );
  if (diffs.length === 0) {
    console.log('ok: balances and stacks match the ledger');
  } else {
    console.log(`${diffs.length} difference(s):`);
    for (const line of formatDifferences(diffs)) console.log(`  ${line}`);
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
