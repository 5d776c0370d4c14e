import type { Clock } from '@necp/game';

/**
 * The zone's view of time: frozen for the length of a step, so every rule in one
 * tick sees the same instant (a real clock moves while a tick runs, and a replay
 * has only one time per tick). Between steps it reads the source.
 */
export class TickClock implements Clock {
  private frozen: number | null = null;

  constructor(private readonly source: Clock) {}

  ms(): number {
    return this.frozen ?? this.source.ms();
  }

  now(): Date {
    return new Date(this.ms());
  }

  /** Holds the source's current time until thaw(); returns it. */
  freeze(): number {
    this.frozen = this.source.ms();
    return this.frozen;
  }

  thaw(): void {
    this.frozen = null;
  }
}
