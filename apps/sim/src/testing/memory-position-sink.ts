import type { CharacterPosition } from '@necp/game';
import type { PositionSink } from '../zone/position-writer';

/** In-memory sink for pure zone tests: records every flushed batch. */
export class MemoryPositionSink implements PositionSink {
  /** every flushed batch, in order */
  readonly saved: CharacterPosition[][] = [];
  private queued = new Map<string, CharacterPosition>();
  private written = new Map<string, CharacterPosition>();

  enqueue(positions: readonly CharacterPosition[]): void {
    for (const p of positions) this.queued.set(p.characterId, p);
  }
  async flush(): Promise<void> {
    if (this.queued.size === 0) return;
    const batch = [...this.queued.values()];
    this.queued.clear();
    for (const p of batch) this.written.set(p.characterId, p);
    this.saved.push(batch);
  }
  async landed(characterId: string): Promise<boolean> {
    await this.flush();
    return this.written.has(characterId);
  }
  latest(characterId: string): CharacterPosition | undefined {
    return this.queued.get(characterId) ?? this.written.get(characterId);
  }
}
