import { randomUUID } from 'node:crypto';

/** Correlation id tying together the ledger rows of one operation (e.g. both sides of a split). */
export const newLedgerRef = (): string => randomUUID();
