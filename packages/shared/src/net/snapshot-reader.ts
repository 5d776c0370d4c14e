import type { EntityInfo, SnapshotMsg } from './world-view';
import {
  SnapshotDecodeError,
  asBytes,
  decodeSnapshot,
  headingByte,
  type WireSnapshot,
} from './snapshot-codec';

interface Tracked {
  eid: number;
  x: number;
  y: number;
}

/**
 * A client's side of the snapshot stream: keeps the small-id table and the last
 * positions, and turns each binary frame into a SnapshotMsg with real eids and
 * absolute positions. Frames must be read in order (Socket.IO's stream is);
 * `reset` at every zone:welcome (the server starts a fresh view then).
 * A bad frame throws SnapshotDecodeError and leaves the state as it was.
 */
export class SnapshotReader {
  private ids = new Map<number, Tracked>();
  private me: [number, number] = [0, 0];
  private selfEid = 0;

  /** A fresh view: the own eid and position (cm) from the welcome. */
  reset(selfEid: number, me: { x: number; y: number }): void {
    this.ids = new Map();
    this.selfEid = selfEid;
    this.me = [me.x, me.y];
  }

  /** How many entities the table holds (the client's view). */
  get size(): number {
    return this.ids.size;
  }

  read(frame: unknown): SnapshotMsg {
    const bytes = asBytes(frame);
    if (!bytes) throw new SnapshotDecodeError('snapshot frame is not binary');
    return this.apply(decodeSnapshot(bytes));
  }

  apply(w: WireSnapshot): SnapshotMsg {
    // work on copies so a frame that fails half-way changes nothing
    const ids = new Map(this.ids);
    const eidOf = (sid: number): number => {
      if (sid === 0) return this.selfEid;
      const t = ids.get(sid);
      if (!t) throw new SnapshotDecodeError(`snapshot names unknown id ${sid}`);
      return t.eid;
    };
    const me: [number, number] = w.mePut
      ? [w.mePut[0], w.mePut[1]]
      : w.meStep
        ? [this.me[0] + w.meStep[0], this.me[1] + w.meStep[1]]
        : [this.me[0], this.me[1]];

    const del: number[] = [];
    for (const sid of w.del) {
      del.push(eidOf(sid));
      ids.delete(sid);
    }
    const add: EntityInfo[] = [];
    for (const a of w.extra?.add ?? []) {
      if (a.sid <= 0) throw new SnapshotDecodeError('snapshot add with a reserved id');
      const { sid, hd: _hd, ...info } = a;
      ids.set(sid, { eid: info.eid, x: info.x, y: info.y });
      add.push(info);
    }
    const mv: SnapshotMsg['mv'] = [];
    for (const [sid, dx, dy] of w.step) {
      const t = ids.get(sid);
      if (!t) throw new SnapshotDecodeError(`snapshot moves unknown id ${sid}`);
      const moved = { eid: t.eid, x: t.x + dx, y: t.y + dy };
      ids.set(sid, moved);
      mv.push([t.eid, moved.x, moved.y, headingByte(dx, dy)]);
    }
    for (const [sid, x, y, hd] of w.put) {
      const t = ids.get(sid);
      if (!t) throw new SnapshotDecodeError(`snapshot moves unknown id ${sid}`);
      ids.set(sid, { eid: t.eid, x, y });
      mv.push([t.eid, x, y, hd]);
    }
    const msg: SnapshotMsg = { t: w.t, ack: w.ack, me, mv, add, del };
    if (w.hp.length > 0) msg.hp = w.hp.map(([sid, h, m]) => [eidOf(sid), h, m]);
    if (w.dead.length > 0) msg.dead = w.dead.map(([sid, d]) => [eidOf(sid), d]);
    if (w.extra?.fx) msg.fx = w.extra.fx.map(([sid, list]) => [eidOf(sid), list]);
    if (w.extra?.ev) msg.ev = w.extra.ev;
    if (w.extra?.self) msg.self = w.extra.self;
    this.ids = ids;
    this.me = me;
    return msg;
  }
}
