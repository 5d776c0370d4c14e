import { saveCharacterPositions, type CharacterPosition, type GameDeps } from '@necp/game';

/** Where zones hand positions to be persisted (the DB writer in the sim, an array in pure tests). */
export interface PositionSink {
  /** queue positions for the next flush; the newest per character wins */
  enqueue(positions: readonly CharacterPosition[]): void;
  /** write everything queued so far; never rejects (failures are logged and retried next flush) */
  flush(): Promise<void>;
  /** a position newer than (or just written to) the database, if this process knows one */
  latest(characterId: string): CharacterPosition | undefined;
  /**
   * Flushes, then says whether the character's latest save is in the database
   * (false: the write failed and waits for a retry, or its zone's fence refused it).
   */
  landed(characterId: string): Promise<boolean>;
}

/** How long a written position is remembered: covers a reconnect whose DB read raced the write. */
const RECENT_MS = 30_000;

/**
 * Batches position writes: each flush is one UPDATE statement per chunk of rows
 * (saveCharacterPositions), not a transaction, so it cannot overrun a transaction
 * timeout however many players moved. The zone only enqueues and calls flush()
 * without awaiting it, so a slow database never holds up the tick. Flushes are
 * chained so an older batch can never land after a newer one. Saves fenced with a
 * zone's lease token that PostgreSQL refuses (another process owns the zone now)
 * are dropped, not retried: the new owner writes that zone's players. A failed write
 * goes back to the queue for the next flush, however long it takes: newest state, one
 * row per character (outcomes/write-policy.ts, the second case).
 */
export class DbPositionWriter implements PositionSink {
  private queued = new Map<string, CharacterPosition>();
  private inflight = new Map<string, CharacterPosition>();
  private recent = new Map<string, { pos: CharacterPosition; at: number }>();
  /** characters whose last save was refused by its zone's fence (until saved again) */
  private refused = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private waiting: Promise<void> | undefined;

  constructor(private readonly deps: Pick<GameDeps, 'db' | 'clock' | 'log'>) {}

  enqueue(positions: readonly CharacterPosition[]): void {
    for (const p of positions) {
      this.queued.set(p.characterId, p);
      this.refused.delete(p.characterId);
    }
  }

  async landed(characterId: string): Promise<boolean> {
    await this.flush();
    if (this.queued.has(characterId) || this.refused.has(characterId)) return false;
    return true;
  }

  flush(): Promise<void> {
    // a write chained but not started yet takes whatever is queued by then: calls
    // meanwhile (a burst of saveNow) share it instead of lining up writes of their own
    if (this.waiting) return this.waiting;
    const next = this.chain.then(() => {
      this.waiting = undefined;
      return this.writeQueued();
    });
    this.waiting = next;
    this.chain = next;
    return next;
  }

  latest(characterId: string): CharacterPosition | undefined {
    return (
      this.queued.get(characterId) ??
      this.inflight.get(characterId) ??
      this.recent.get(characterId)?.pos
    );
  }

  private async writeQueued(): Promise<void> {
    this.pruneRecent();
    if (this.queued.size === 0) return;
    const batch = [...this.queued.values()];
    this.queued = new Map();
    for (const p of batch) this.inflight.set(p.characterId, p);
    try {
      const written = new Set(await saveCharacterPositions(this.deps, batch));
      const at = this.deps.clock.ms();
      let stale = 0;
      for (const p of batch) {
        // a rider handed over to another process is that process's to remember
        const handedOver = p.fence !== undefined && p.fence.zoneId !== p.zoneId;
        if (written.has(p.characterId)) {
          if (!handedOver) this.recent.set(p.characterId, { pos: p, at });
          else this.recent.delete(p.characterId);
        } else if (p.fence) {
          stale++;
          if (!this.queued.has(p.characterId)) this.refused.add(p.characterId);
        }
      }
      // (unfenced rows not written: the character was deleted meanwhile)
      if (stale > 0)
        this.deps.log.warn(
          { count: stale },
          'position saves refused: another process owns the zone',
        );
    } catch (err) {
      this.deps.log.error({ err, count: batch.length }, 'saving positions failed; will retry');
      for (const p of batch) if (!this.queued.has(p.characterId)) this.queued.set(p.characterId, p);
    } finally {
      for (const p of batch)
        if (this.inflight.get(p.characterId) === p) this.inflight.delete(p.characterId);
    }
  }

  private pruneRecent(): void {
    const cutoff = this.deps.clock.ms() - RECENT_MS;
    for (const [id, r] of this.recent) if (r.at < cutoff) this.recent.delete(id);
    if (this.refused.size > 10_000) this.refused.clear();
  }
}
