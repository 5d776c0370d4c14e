import type { ZoneArea } from '@necp/shared';
import { recordAreaEntered, type GameDeps, type Log, type ZoneFence } from '@necp/game';
import { RetryQueue } from '../outcomes/retry-queue';
import type { Player } from '../zone/player';
import type { Zone } from '../zone/zone';
import type { AreaSink } from '../zone/zone-areas';

/** A character entering the same area again within this window is not reported again. */
export const AREA_NOTICE_MS = 60_000;
/** Waits before retrying a failed publish (then the last one, until it lands: quests count it). */
export const AREA_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 15_000];
/** How often the retries and the throttle are looked after, on the zone's tick. */
const HOUSEKEEPING_MS = 1_000;

type RecordFn = typeof recordAreaEntered;

/**
 * What the sim does when a character enters a named area of one zone: tells the
 * client (`zone:area`, a banner) and publishes `area.entered` for the quest
 * engine through packages/game — off the tick, in a small transaction of its
 * own, retried a few times. At most once per AREA_NOTICE_MS per character and
 * area, so walking along an edge does not flood either.
 */
export class AreaNotices implements AreaSink {
  readonly retries: RetryQueue;
  /** `characterId areaId` → clock ms of the last notice */
  private readonly last = new Map<string, number>();
  /** the zone's lease token (set by start): PostgreSQL refuses a stale owner's entries */
  private fence: ZoneFence | undefined;

  constructor(
    private readonly deps: Pick<GameDeps, 'db' | 'clock'>,
    private readonly zoneId: string,
    log: Log,
    private readonly record: RecordFn = recordAreaEntered,
  ) {
    this.retries = new RetryQueue(deps.clock, log, AREA_RETRY_DELAYS_MS);
  }

  /** Becomes the zone's area sink; retries and the throttle run on its tick. */
  start(zone: Zone): void {
    zone.setAreaSink(this);
    this.fence = zone.fence;
    zone.every(HOUSEKEEPING_MS, (now) => this.tick(now));
  }

  entered(p: Readonly<Player>, area: ZoneArea): void {
    const now = this.deps.clock.ms();
    const throttleKey = `${p.characterId} ${area.id}`;
    const last = this.last.get(throttleKey);
    if (last !== undefined && now - last < AREA_NOTICE_MS) return;
    this.last.set(throttleKey, now);
    p.conn?.area?.({ areaId: area.id, name: area.name });
    const input = {
      characterId: p.characterId,
      zoneId: this.zoneId,
      areaId: area.id,
      key: `area.entered:${p.characterId}:${area.id}:${now}`,
      ...(this.fence ? { fence: this.fence } : {}),
    };
    // a known refusal (character deleted meanwhile, another owner now) is not retried (RetryQueue)
    this.retries.submit(input.key, async () => {
      await this.record(this.deps, input);
    });
  }

  tick(now: number): void {
    this.retries.tick(now);
    for (const [k, at] of this.last) if (now - at >= AREA_NOTICE_MS) this.last.delete(k);
  }

  /** Resolves once no publish is running (tests). */
  idle(): Promise<void> {
    return this.retries.idle();
  }

  /** Shutdown: waiting retries are tried once more now. */
  flush(): Promise<void> {
    return this.retries.flush();
  }
}
