/** Injected time source: rules never call Date.now() directly, so tests can move time. */
export interface Clock {
  now(): Date;
  ms(): number;
}

export const systemClock: Clock = { now: () => new Date(), ms: () => Date.now() };

/** A clock tests advance by hand. */
export class FakeClock implements Clock {
  constructor(private t = Date.UTC(2026, 0, 1)) {}
  now() {
    return new Date(this.t);
  }
  ms() {
    return this.t;
  }
  advance(ms: number) {
    this.t += ms;
  }
  set(t: Date | number) {
    this.t = typeof t === 'number' ? t : t.getTime();
  }
}
