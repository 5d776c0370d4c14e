import { SnapshotReader, type SnapshotMsg, type WelcomeMsg } from '@necp/shared';
import type { ZoneConnection } from '../zone/player';

let nextId = 1;

/**
 * A ZoneConnection that records what the zone sent, for pure zone tests.
 * Snapshot frames are read like a client reads them (small ids → eids).
 */
export class FakeConnection implements ZoneConnection {
  /** `id`: a replay gives each recorded connection its id back */
  constructor(readonly id = `fake-${nextId++}`) {}

  readonly welcomes: WelcomeMsg[] = [];
  readonly snapshots: SnapshotMsg[] = [];
  /** the frames as sent */
  readonly frames: Uint8Array[] = [];
  /** packets the transport still holds (tests of a client that falls behind set it) */
  queued = 0;
  private readonly reader = new SnapshotReader();

  welcome(msg: WelcomeMsg): void {
    this.welcomes.push(msg);
    this.reader.reset(msg.self.eid, msg.self);
  }
  snapshot(frame: Uint8Array): void {
    // the zone reuses the buffer after the call
    frame = frame.slice();
    this.frames.push(frame);
    this.snapshots.push(this.reader.read(frame));
  }
  backlog(): number {
    return this.queued;
  }
  /** snapshots received since the last call */
  take(): SnapshotMsg[] {
    return this.snapshots.splice(0);
  }
}
