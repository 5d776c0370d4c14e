/**
 * The one place the bench reads a `zone:snapshot` payload: it walks the wire format
 * and tells the bot what it needs — the tick and ack, its own position, the changes
 * to its visible set (metres), deaths, its own death state, combat events. A new wire
 * format (binary) changes this file only. A visitor rather than a decoded object:
 * a thousand bots read ~20,000 snapshots a second on one core, so no copies.
 */
import type { EntityKind, SnapshotMsg } from '@necp/shared';

export type SnapshotPayload = SnapshotMsg;

export interface SnapshotVisitor {
  /** server tick, last input seq applied for this client, own position (m) */
  header(tick: number, ack: number, x: number, y: number): void;
  left(eid: number): void;
  entered(eid: number, kind: EntityKind, x: number, y: number, dead: boolean): void;
  moved(eid: number, x: number, y: number): void;
  /** an entity (self included) died or came back */
  died(eid: number, dead: boolean): void;
  /** own death state changed: respawn allowed in `canRespawnInMs` */
  selfDeath(dead: boolean, canRespawnInMs: number): void;
  /** a combat event seen this tick */
  event(kind: string, src: number, dst: number): void;
}

export function readSnapshot(m: SnapshotPayload, v: SnapshotVisitor): void {
  v.header(m.t, m.ack, m.me[0] / 100, m.me[1] / 100);
  for (const eid of m.del) v.left(eid);
  for (const e of m.add) v.entered(e.eid, e.kind, e.x / 100, e.y / 100, e.dead === true);
  for (const [eid, x, y] of m.mv) v.moved(eid, x / 100, y / 100);
  for (const [eid, dead] of m.dead ?? []) v.died(eid, dead);
  if (m.self) v.selfDeath(m.self.dead !== null, m.self.dead?.canRespawnIn ?? 0);
  for (const ev of m.ev ?? []) v.event(ev.k, ev.src, ev.dst);
}
