/**
 * When a failed delivery is tried again, and when it is given up on for now (parked
 * as a dead letter for an operator). The defaults retry for about an hour: 1 s,
 * 2 s, 4 s … capped at 5 min, parked at the 20th failure.
 */
export interface RetryPolicy {
  /** pause after the first failure */
  baseMs: number;
  /** the pause doubles with every failure up to this */
  capMs: number;
  /** the failure that parks the event (an event that cannot be parsed parks at once) */
  parkAfterAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 1000,
  capMs: 5 * 60_000,
  parkAfterAttempts: 20,
};

/** The pause before the next delivery of an event that has failed `attempts` times (≥ 1). */
export function retryDelayMs(policy: RetryPolicy, attempts: number): number {
  const doublings = Math.min(Math.max(0, attempts - 1), 30);
  return Math.min(policy.capMs, policy.baseMs * 2 ** doublings);
}
