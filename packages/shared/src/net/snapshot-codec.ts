/**
 * The binary `zone:snapshot` frame (one websocket frame per snapshot). Pure:
 * the sim encodes with it, the web client, the bench bot and tests decode with it.
 *
 * Layout (little-endian; `vu` = unsigned LEB128 varint, `sid` = the client's
 * small id of an entity, 0 = the client's own character):
 *
 *   u8  SNAPSHOT_MAGIC           (also tells the socket parser this frame is ours)
 *   u32 tick
 *   vu  ack                      last input seq applied for this client
 *   u8  sections                 bit mask of the optional sections below, in this order
 *   ME_PUT   u32 x, u32 y        own position (cm), absolute
 *   ME_STEP  i8 dx, i8 dy        own position (cm) relative to the last one sent
 *   DEL      vu n, n × vu sid    left view (sid free from here on)
 *   STEP     vu n, n × (vu sid, i8 dx, i8 dy)               moved, cm relative to the last sent
 *   PUT      vu n, n × (vu sid, u32 x, u32 y, u8 heading)   moved, absolute cm
 *   HP       vu n, n × (vu sid, vu health, vu maxHealth)
 *   DEAD     vu n, n × (vu sid, u8 0|1)
 *   EXTRA    vu len, UTF-8 JSON of SnapshotExtras (rare: entries, events, effects, own combat)
 *
 * Precision: positions are whole centimetres from the zone's corner (what
 * `toCm` gives). Absolute positions are u32 (zones are up to 1,024 m wide, past
 * what a u16 of cm holds); a step is an int8 of cm per axis (±1.27 m, i.e.
 * 25 m/s at 20 Hz; anything larger, a teleport or a resync, goes absolute).
 * Headings are a byte: 256 steps of the full circle (1.4°), 0 = +x, growing
 * towards +y. A step carries no heading: it is the step's own direction.
 * Readers apply DEL before EXTRA.add (a freed sid may be reused in the same frame).
 */
import { FrameWriter } from './frame-writer';
import type { CombatEvent, EffectBrief, EntityInfo, SelfCombatState } from './world-view';

export { FrameWriter };

export const SNAPSHOT_MAGIC = 0xa7;

export const SECTION = {
  ME_PUT: 1,
  ME_STEP: 2,
  DEL: 4,
  STEP: 8,
  PUT: 16,
  HP: 32,
  DEAD: 64,
  EXTRA: 128,
} as const;

/** An entity entering view: its description (real eid) and the small id it has from now on. */
export type AddRecord = EntityInfo & { sid: number; hd: number };

/** The rare parts of a snapshot, carried as JSON. */
export interface SnapshotExtras {
  add?: AddRecord[];
  /** combat events (real eids: they may name entities out of view) */
  ev?: CombatEvent[];
  /** status effects changed: [sid, the full current list] */
  fx?: [number, EffectBrief[]][];
  /** own combat state, when it changed */
  self?: SelfCombatState;
}

/** A snapshot as it is on the wire (small ids, steps and absolute positions apart). */
export interface WireSnapshot {
  t: number;
  ack: number;
  mePut?: [number, number];
  meStep?: [number, number];
  del: number[];
  /** [sid, dx cm, dy cm] */
  step: [number, number, number][];
  /** [sid, x cm, y cm, heading byte] */
  put: [number, number, number, number][];
  hp: [number, number, number][];
  dead: [number, boolean][];
  extra?: SnapshotExtras;
}

/** A frame that is not a well-formed snapshot (short, wrong magic, bad JSON, unknown id). */
export class SnapshotDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotDecodeError';
  }
}

export const emptyWire = (t: number, ack: number): WireSnapshot => ({
  t,
  ack,
  del: [],
  step: [],
  put: [],
  hp: [],
  dead: [],
});

/** Whether a step of (dx, dy) cm fits a STEP record. */
export const fitsStep = (dx: number, dy: number): boolean =>
  dx >= -128 && dx <= 127 && dy >= -128 && dy <= 127;

/** The heading byte of a movement direction (0 when there is none). */
export function headingByte(dx: number, dy: number): number {
  if (dx === 0 && dy === 0) return 0;
  return Math.round((Math.atan2(dy, dx) / (2 * Math.PI)) * 256) & 255;
}

export const headingRadians = (b: number): number => (b / 256) * 2 * Math.PI;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

const shared = new FrameWriter();

/** Encodes one snapshot; `w` defaults to a module-level writer (the result is always a copy). */
export function encodeSnapshot(s: WireSnapshot, w: FrameWriter = shared): Uint8Array {
  w.reset();
  w.u8(SNAPSHOT_MAGIC);
  w.u32(s.t);
  w.vu(s.ack);
  const extra = s.extra && Object.keys(s.extra).length > 0 ? s.extra : undefined;
  const mask =
    (s.mePut ? SECTION.ME_PUT : 0) |
    (s.meStep ? SECTION.ME_STEP : 0) |
    (s.del.length > 0 ? SECTION.DEL : 0) |
    (s.step.length > 0 ? SECTION.STEP : 0) |
    (s.put.length > 0 ? SECTION.PUT : 0) |
    (s.hp.length > 0 ? SECTION.HP : 0) |
    (s.dead.length > 0 ? SECTION.DEAD : 0) |
    (extra ? SECTION.EXTRA : 0);
  w.u8(mask);
  if (s.mePut) {
    w.u32(s.mePut[0]);
    w.u32(s.mePut[1]);
  }
  if (s.meStep) {
    w.i8(s.meStep[0]);
    w.i8(s.meStep[1]);
  }
  if (mask & SECTION.DEL) {
    w.vu(s.del.length);
    for (const sid of s.del) w.vu(sid);
  }
  if (mask & SECTION.STEP) {
    w.vu(s.step.length);
    for (const [sid, dx, dy] of s.step) {
      w.vu(sid);
      w.i8(dx);
      w.i8(dy);
    }
  }
  if (mask & SECTION.PUT) {
    w.vu(s.put.length);
    for (const [sid, x, y, hd] of s.put) {
      w.vu(sid);
      w.u32(x);
      w.u32(y);
      w.u8(hd & 255);
    }
  }
  if (mask & SECTION.HP) {
    w.vu(s.hp.length);
    for (const [sid, h, m] of s.hp) {
      w.vu(sid);
      w.vu(h);
      w.vu(m);
    }
  }
  if (mask & SECTION.DEAD) {
    w.vu(s.dead.length);
    for (const [sid, d] of s.dead) {
      w.vu(sid);
      w.u8(d ? 1 : 0);
    }
  }
  if (extra) {
    const json = utf8Encoder.encode(JSON.stringify(extra));
    w.vu(json.length);
    w.bytes(json);
  }
  return w.take();
}

/** Reads a frame; every read is bounds-checked. */
class FrameReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get done(): boolean {
    return this.pos === this.buf.length;
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new SnapshotDecodeError('snapshot frame too short');
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  i8(): number {
    this.need(1);
    return this.view.getInt8(this.pos++);
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  vu(): number {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      const b = this.u8();
      v += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return v;
      scale *= 128;
    }
    throw new SnapshotDecodeError('snapshot varint too long');
  }

  /** A count of records of at least `minBytes` each: a count the frame cannot hold is refused up front. */
  count(minBytes: number): number {
    const n = this.vu();
    if (n * minBytes > this.buf.length - this.pos)
      throw new SnapshotDecodeError('snapshot record count exceeds the frame');
    return n;
  }

  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseExtras(bytes: Uint8Array): SnapshotExtras {
  let v: unknown;
  try {
    v = JSON.parse(utf8Decoder.decode(bytes));
  } catch {
    throw new SnapshotDecodeError('snapshot extras are not JSON');
  }
  if (!isObject(v)) throw new SnapshotDecodeError('snapshot extras are not an object');
  const { add, ev, fx, self } = v;
  if (add !== undefined) {
    if (!Array.isArray(add)) throw new SnapshotDecodeError('snapshot add is not a list');
    for (const a of add as unknown[]) {
      if (!isObject(a) || typeof a.sid !== 'number' || typeof a.eid !== 'number')
        throw new SnapshotDecodeError('snapshot add record without sid/eid');
    }
  }
  if (ev !== undefined && !Array.isArray(ev))
    throw new SnapshotDecodeError('snapshot events are not a list');
  if (fx !== undefined) {
    if (!Array.isArray(fx)) throw new SnapshotDecodeError('snapshot effects are not a list');
    for (const f of fx as unknown[]) {
      if (!Array.isArray(f) || typeof f[0] !== 'number' || !Array.isArray(f[1]))
        throw new SnapshotDecodeError('snapshot effects record malformed');
    }
  }
  if (self !== undefined && !isObject(self))
    throw new SnapshotDecodeError('snapshot self is not an object');
  return v as SnapshotExtras;
}

/** Decodes one frame; anything malformed throws SnapshotDecodeError (never anything else). */
export function decodeSnapshot(frame: Uint8Array): WireSnapshot {
  const r = new FrameReader(frame);
  if (r.u8() !== SNAPSHOT_MAGIC) throw new SnapshotDecodeError('not a snapshot frame');
  const s = emptyWire(r.u32(), 0);
  s.ack = r.vu();
  const mask = r.u8();
  if (mask & SECTION.ME_PUT) s.mePut = [r.u32(), r.u32()];
  if (mask & SECTION.ME_STEP) s.meStep = [r.i8(), r.i8()];
  if (mask & SECTION.DEL) for (let n = r.count(1); n > 0; n--) s.del.push(r.vu());
  if (mask & SECTION.STEP)
    for (let n = r.count(3); n > 0; n--) s.step.push([r.vu(), r.i8(), r.i8()]);
  if (mask & SECTION.PUT)
    for (let n = r.count(10); n > 0; n--) s.put.push([r.vu(), r.u32(), r.u32(), r.u8()]);
  if (mask & SECTION.HP) for (let n = r.count(3); n > 0; n--) s.hp.push([r.vu(), r.vu(), r.vu()]);
  if (mask & SECTION.DEAD)
    for (let n = r.count(2); n > 0; n--) {
      const sid = r.vu();
      const d = r.u8();
      if (d > 1) throw new SnapshotDecodeError('snapshot dead flag is not 0 or 1');
      s.dead.push([sid, d === 1]);
    }
  if (mask & SECTION.EXTRA) s.extra = parseExtras(r.bytes(r.count(1)));
  if (!r.done) throw new SnapshotDecodeError('snapshot frame has trailing bytes');
  return s;
}

/** Accepts what socket transports hand over (Buffer, ArrayBuffer, typed arrays) as bytes. */
export function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}
