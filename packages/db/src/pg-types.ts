const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/**
 * The parser of a timestamp column read straight through pg (readRows, raw-transaction.ts),
 * or undefined for any other type. Prisma's columns are `timestamp(3)` without time zone,
 * holding UTC (what Prisma writes and reads); pg would read them in the process's local zone.
 */
export function timestampParser(oid: number): ((s: string) => Date) | undefined {
  if (oid === TIMESTAMP) return (s) => new Date(`${s.replace(' ', 'T')}Z`);
  if (oid === TIMESTAMPTZ) return (s) => new Date(s);
  return undefined;
}
