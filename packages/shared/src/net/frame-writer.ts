/**
 * The byte writer under the snapshot frame: the sim writes every client's frame
 * through one per zone, so it grows its buffer in place and has bulk writes for
 * the hottest records. The frame's layout is snapshot-codec.ts's.
 */
/** A growable byte buffer, reused across frames by one encoder. */
export class FrameWriter {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  private len = 0;

  reset(): void {
    this.len = 0;
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.room(1);
    this.buf[this.len++] = v;
  }

  i8(v: number): void {
    this.room(1);
    this.buf[this.len++] = v & 255;
  }

  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.len, v >>> 0, true);
    this.len += 4;
  }

  /** Unsigned LEB128; values are clamped to 0..2^32-1 and rounded. */
  vu(v: number): void {
    if (v >= 0 && v < 0x80 && (v | 0) === v) {
      // most ids and counts: one byte
      this.room(1);
      this.buf[this.len++] = v;
      return;
    }
    let n = Math.min(Math.max(Math.round(v), 0), 0xffffffff);
    this.room(5);
    while (n >= 0x80) {
      this.buf[this.len++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buf[this.len++] = n;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /**
   * A STEP section's body from flat (sid, dx, dy) triples: the count, then each
   * record — one capacity check for the lot (the hottest loop of a busy zone).
   * Ids are non-negative integers below 2^31, steps fit an int8 (fitsStep).
   */
  stepRecords(flat: readonly number[]): void {
    this.vu(flat.length / 3);
    this.room((flat.length / 3) * 7);
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < flat.length; i += 3) {
      let sid = flat[i]!;
      while (sid >= 0x80) {
        buf[len++] = (sid & 0x7f) | 0x80;
        sid >>>= 7;
      }
      buf[len++] = sid;
      buf[len++] = flat[i + 1]! & 255;
      buf[len++] = flat[i + 2]! & 255;
    }
    this.len = len;
  }

  /** A string of ASCII characters (JSON punctuation and keys), one byte each. */
  ascii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i) & 0x7f;
  }

  /** A non-negative integer in decimal ASCII (a JSON number). */
  decimal(v: number): void {
    let n = Math.min(Math.max(Math.round(v), 0), 0xffffffff);
    this.room(10);
    const start = this.len;
    do {
      this.buf[this.len++] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    this.buf.subarray(start, this.len).reverse();
  }

  /** What was written so far, without copying (valid until the next write or reset). */
  written(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  /** A copy of what was written (the writer's buffer is reused). */
  take(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
