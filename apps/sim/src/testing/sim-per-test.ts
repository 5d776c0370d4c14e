/**
 * The frame of most sim test files: a fresh sim (bootTestSim) before each test, closed
 * after it, and the file's database client closed at the end. `set` receives each
 * new sim (`simPerTest(db, (s) => (sim = s))`), so the tests keep a plain `sim`.
 */
import { afterAll, afterEach, beforeEach } from 'vitest';
import type { Db } from '@necp/db';
import { bootTestSim, type TestSim } from './test-sim';

export function simPerTest(
  db: Db,
  set: (sim: TestSim) => void,
  opts?: Parameters<typeof bootTestSim>[1],
): void {
  let current: TestSim | undefined;
  beforeEach(async () => {
    current = await bootTestSim(db, opts);
    set(current);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  afterAll(() => db.$disconnect());
}
