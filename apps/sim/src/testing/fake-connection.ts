import type { SnapshotMsg, WelcomeMsg } from '@necp/shared';
import type { ZoneConnection } from '../zone/player';

let nextId = 1;

/** A ZoneConnection that records what the zone sent, for pure zone tests. */
export class FakeConnection implements ZoneConnection {
  /** `id`: a replay gives each recorded connection its id back */
  constructor(readonly id = `fake-${nextId++}`) {}

  readonly welcomes: WelcomeMsg[] = [];
  readonly snapshots: SnapshotMsg[] = [];

  welcome(msg: WelcomeMsg): void {
    this.welcomes.push(msg);
  }
  snapshot(msg: SnapshotMsg): void {
    this.snapshots.push(msg);
  }
  /** snapshots received since the last call */
  take(): SnapshotMsg[] {
    return this.snapshots.splice(0);
  }
}
