import type { TickObserver, Zone } from '../zone/zone';
import type { InboxEntry } from '../zone/zone-inbox';
import {
  RECORDING_VERSION,
  encodeLine,
  type RecordedTick,
  type RecordingHeader,
} from './recording';

/**
 * Records a zone from the moment it is built (attach it before the first step):
 * the header now, then every tick's applied commands, clock and state hash, one
 * line each through `write` (a file stream in the server, an array in tests).
 */
export class ZoneRecorder implements TickObserver {
  constructor(
    zone: Zone,
    private readonly write: (line: string) => void,
  ) {
    if (zone.tick !== 0)
      throw new Error(`recording must start at tick 0 (zone ${zone.id} is at ${zone.tick})`);
    const header: RecordingHeader = {
      v: RECORDING_VERSION,
      zoneId: zone.id,
      seed: zone.seed,
      startMs: zone.setup.startMs,
      npcs: zone.setup.npcs,
      npcAi: zone.setup.npcAi,
      hash: zone.stateHash(),
    };
    this.write(encodeLine(header));
    zone.observe(this);
  }

  tick(zone: Zone, applied: readonly InboxEntry[], now: number): void {
    const line: RecordedTick = {
      t: zone.tick,
      ms: now,
      cmds: applied.map((e) => [e.seq, e.conn?.id ?? null, e.cmd]),
      hash: zone.stateHash(),
    };
    this.write(encodeLine(line));
  }
}
