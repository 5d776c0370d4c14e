/**
 * The move-mode bots' snapshot reader: walks the binary frame (layout:
 * packages/shared/src/net/snapshot-codec.ts) without building anything — what a
 * bot that only moves needs is the tick, the ack, its own position and how many
 * entities are in view. A thousand bots read ~10,000–20,000 frames a second on
 * one core; decoding each into objects (SnapshotReader) made the bots, not the
 * sim, the limit of `pnpm bench --mode move` from 1,000 players.
 *
 * Entering entities are counted in the EXTRA JSON without parsing it: every
 * AddRecord carries exactly one `"sid":` key and nothing else in the extras does
 * (events name eids, effect lists are `[sid, …]` arrays).
 */
import { SECTION, SNAPSHOT_MAGIC } from '@necp/shared';

export interface MoveView {
  tick: number;
  ack: number;
  /** own position, cm */
  x: number;
  y: number;
  /** entities in view */
  visible: number;
}

/** `"sid":` as bytes */
const SID_KEY = [0x22, 0x73, 0x69, 0x64, 0x22, 0x3a];

/** Applies one frame to `v`; false (and `v` untouched where it matters) for a frame that is not a snapshot. */
export function readMoveFrame(b: Uint8Array, v: MoveView): boolean {
  if (b.length < 7 || b[0] !== SNAPSHOT_MAGIC) return false;
  let p = 1;
  const tick = (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000;
  p += 4;
  let ack = 0;
  let scale = 1;
  for (;;) {
    const c = b[p++]!;
    ack += (c & 0x7f) * scale;
    if ((c & 0x80) === 0) break;
    scale *= 128;
  }
  const mask = b[p++]!;
  let x = v.x;
  let y = v.y;
  if (mask & SECTION.ME_PUT) {
    x = u32(b, p);
    y = u32(b, p + 4);
    p += 8;
  }
  if (mask & SECTION.ME_STEP) {
    x += (b[p]! << 24) >> 24;
    y += (b[p + 1]! << 24) >> 24;
    p += 2;
  }
  let visible = v.visible;
  if (mask & SECTION.DEL) {
    const [n, q] = vu(b, p);
    p = q;
    visible -= n;
    for (let i = 0; i < n; i++) p = skipVu(b, p);
  }
  if (mask & SECTION.STEP) {
    const [n, q] = vu(b, p);
    p = q;
    for (let i = 0; i < n; i++) p = skipVu(b, p) + 2;
  }
  if (mask & SECTION.PUT) {
    const [n, q] = vu(b, p);
    p = q;
    for (let i = 0; i < n; i++) p = skipVu(b, p) + 9;
  }
  if (mask & SECTION.HP) {
    const [n, q] = vu(b, p);
    p = q;
    for (let i = 0; i < 3 * n; i++) p = skipVu(b, p);
  }
  if (mask & SECTION.DEAD) {
    const [n, q] = vu(b, p);
    p = q;
    for (let i = 0; i < n; i++) p = skipVu(b, p) + 1;
  }
  if (mask & SECTION.EXTRA) {
    const [len, q] = vu(b, p);
    const end = Math.min(q + len, b.length);
    for (let i = q; i + SID_KEY.length <= end; i++) {
      if (b[i] !== 0x22) continue;
      let k = 1;
      while (k < SID_KEY.length && b[i + k] === SID_KEY[k]) k++;
      if (k === SID_KEY.length) visible++;
    }
  }
  v.tick = tick;
  v.ack = ack;
  v.x = x;
  v.y = y;
  v.visible = visible;
  return true;
}

const u32 = (b: Uint8Array, p: number): number =>
  (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000;

function vu(b: Uint8Array, p: number): [number, number] {
  let v = 0;
  let scale = 1;
  for (;;) {
    const c = b[p++] ?? 0;
    v += (c & 0x7f) * scale;
    if ((c & 0x80) === 0 || p >= b.length) return [v, p];
    scale *= 128;
  }
}

function skipVu(b: Uint8Array, p: number): number {
  while (p < b.length && (b[p]! & 0x80) !== 0) p++;
  return p + 1;
}
