/**
 * What the sim does with a database write that failed — one policy, three cases:
 * - **A write of value or of a domain event** (kill awards, deaths, area entries:
 *   `RetryQueue`) is retried with backoff until it lands; nothing else would write it.
 *   A DomainError is the domain's final answer and is not retried.
 * - **A buffer of newest state** (positions: `DbPositionWriter`) goes back to the queue
 *   and is written at the next flush, for as long as it takes: it holds at most one row
 *   per character, so it cannot grow.
 * - **A buffer that grows with play and moves no value** (the combat log, gear wear)
 *   goes back and is tried at the next flush, at most `GIVE_UP_AFTER_ATTEMPTS` times in
 *   all; then it is dropped with an error log (`droppedAfterRetries`), never in silence.
 */
export const GIVE_UP_AFTER_ATTEMPTS = 3;

/** The one message for a batch given up under the third case. */
export const droppedAfterRetries = (what: string) =>
  `${what} dropped after ${GIVE_UP_AFTER_ATTEMPTS} attempts`;
