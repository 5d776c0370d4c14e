import { randomUUID } from 'node:crypto';
import type { Db } from '@necp/db';
import { adminGrantEddies } from '@necp/game';

const silent = { info: () => {} } as unknown as Parameters<typeof adminGrantEddies>[0]['log'];

/** Eddies for a test's character, granted as staff grant them (ledger reason `admin`). */
export const fundCharacter = (db: Db, characterId: string, amount: number) =>
  adminGrantEddies(
    { db, log: silent },
    { characterId, amount, adminUserId: 'e2e', idempotencyKey: randomUUID().replace(/-/g, '') },
  );
