import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FrameWriter,
  SnapshotDecodeError,
  decodeSnapshot,
  emptyWire,
  encodeSnapshot,
  headingByte,
  type WireSnapshot,
} from './snapshot-codec';
import { SnapshotReader } from './snapshot-reader';

const sid = fc.integer({ min: 1, max: 70_000 });
const cm = fc.integer({ min: 0, max: 102_400 });
const i8 = fc.integer({ min: -128, max: 127 });
const u = fc.integer({ min: 0, max: 2 ** 32 - 1 });

const wire: fc.Arbitrary<WireSnapshot> = fc.record(
  {
    t: u,
    ack: u,
    mePut: fc.tuple(cm, cm),
    meStep: fc.tuple(i8, i8),
    del: fc.array(sid, { maxLength: 20 }),
    step: fc.array(fc.tuple(sid, i8, i8), { maxLength: 40 }),
    put: fc.array(fc.tuple(sid, cm, cm, fc.integer({ min: 0, max: 255 })), { maxLength: 10 }),
    hp: fc.array(fc.tuple(fc.integer({ min: 0, max: 70_000 }), u, u), { maxLength: 10 }),
    dead: fc.array(fc.tuple(sid, fc.boolean()), { maxLength: 5 }),
    extra: fc.record(
      {
        ev: fc.array(
          fc.oneof(
            fc.record({ k: fc.constant('hit' as const), src: sid, dst: sid }),
            // a boss's telegraph: an area in metres (fractions), aimed at dst, landing in ms
            fc.record({
              k: fc.constant('telegraph' as const),
              src: sid,
              dst: fc.integer({ min: 0, max: 70_000 }),
              ab: fc.constant('warden_coolant_sweep'),
              ms: fc.integer({ min: 500, max: 10_000 }),
              shape: fc.constantFrom('circle' as const, 'line' as const),
              x: fc.double({ min: 0, max: 1024, noNaN: true }),
              y: fc.double({ min: 0, max: 1024, noNaN: true }),
              r: fc.double({ min: 0.5, max: 30, noNaN: true }),
              len: fc.double({ min: 1, max: 60, noNaN: true }),
              // + 0: JSON writes -0 as 0
              dir: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }).map((d) => d + 0),
            }),
            fc.record({ k: fc.constant('phase' as const), src: sid, dst: sid, n: fc.nat(5) }),
          ),
          { maxLength: 3 },
        ),
        fx: fc.array(fc.tuple(sid, fc.array(fc.tuple(fc.string(), u, u), { maxLength: 2 })), {
          maxLength: 3,
        }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['t', 'ack', 'del', 'step', 'put', 'hp', 'dead'] },
);

/** What decoding gives back: empty extras are not sent. */
const normalised = (w: WireSnapshot): WireSnapshot => {
  const out = { ...w };
  if (out.extra && Object.keys(out.extra).length === 0) delete out.extra;
  return out;
};

describe('snapshot codec', () => {
  it('round-trips any wire snapshot', () => {
    fc.assert(
      fc.property(wire, (w) => {
        expect(decodeSnapshot(encodeSnapshot(w))).toEqual(normalised(w));
      }),
    );
  });

  it('a step of one moving entity costs 3 bytes (id < 128)', () => {
    const base = encodeSnapshot({ ...emptyWire(9, 1), step: [[1, 0, 0]] }).length;
    const more = encodeSnapshot({
      ...emptyWire(9, 1),
      step: [
        [1, 0, 0],
        [2, 30, -30],
      ],
    }).length;
    expect(more - base).toBe(3);
  });

  it('refuses every truncation of a valid frame with a typed error', () => {
    fc.assert(
      fc.property(wire, fc.nat(), (w, cut) => {
        const bytes = encodeSnapshot(w);
        const short = bytes.subarray(0, cut % bytes.length);
        expect(() => decodeSnapshot(short)).toThrow(SnapshotDecodeError);
      }),
    );
  });

  it('never throws anything but SnapshotDecodeError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeSnapshot(bytes);
        } catch (err) {
          expect(err).toBeInstanceOf(SnapshotDecodeError);
        }
      }),
    );
  });

  it('refuses a wrong magic, trailing bytes and extras that are not JSON', () => {
    const good = encodeSnapshot(emptyWire(1, 0));
    expect(() => decodeSnapshot(Uint8Array.of(0, ...good.subarray(1)))).toThrow(
      SnapshotDecodeError,
    );
    expect(() => decodeSnapshot(Uint8Array.of(...good, 0))).toThrow(SnapshotDecodeError);
    const bad = Uint8Array.of(...good.subarray(0, good.length - 1), 128, 2, 0x7b, 0x7b);
    expect(() => decodeSnapshot(bad)).toThrow(SnapshotDecodeError);
  });

  it('writes STEP records in bulk exactly as record by record', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 2 ** 31 - 1 }),
            fc.integer({ min: -128, max: 127 }),
            fc.integer({ min: -128, max: 127 }),
          ),
        ),
        (records) => {
          const bulk = new FrameWriter();
          bulk.stepRecords(records.flat());
          const one = new FrameWriter();
          one.vu(records.length);
          for (const [sid, dx, dy] of records) {
            one.vu(sid);
            one.i8(dx);
            one.i8(dy);
          }
          expect([...bulk.written()]).toEqual([...one.written()]);
          // and what a reader makes of it
          const wire = { ...emptyWire(1, 0), step: records };
          expect(decodeSnapshot(encodeSnapshot(wire)).step).toEqual(records);
        },
      ),
    );
  });

  it('writes ASCII and decimal JSON pieces: any integer and key round-trip through JSON.parse', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffffffff })),
        fc.stringMatching(/^[a-z]{1,8}$/),
        (ns, key) => {
          const w = new FrameWriter();
          w.ascii(`{"${key}":[`);
          ns.forEach((n, i) => {
            if (i > 0) w.ascii(',');
            w.decimal(n);
          });
          w.ascii(']}');
          const text = new TextDecoder().decode(w.written());
          expect(JSON.parse(text)).toEqual({ [key]: ns });
        },
      ),
    );
  });

  it('headings: east 0, south (+y) 64, west 128, north 192', () => {
    expect([headingByte(1, 0), headingByte(0, 1), headingByte(-1, 0), headingByte(0, -1)]).toEqual([
      0, 64, 128, 192,
    ]);
  });
});

describe('SnapshotReader', () => {
  const info = (eid: number, x: number, y: number) => ({
    eid,
    kind: 'player' as const,
    name: `p${eid}`,
    level: 1,
    health: 10,
    maxHealth: 10,
    x,
    y,
  });

  it('maps small ids to eids, applies steps, frees ids on leave and reuses them', () => {
    const r = new SnapshotReader();
    r.reset(7, { x: 100, y: 100 });
    const a = r.read(
      encodeSnapshot({
        ...emptyWire(1, 0),
        meStep: [5, -5],
        extra: { add: [{ ...info(42, 1000, 2000), sid: 1, hd: 0 }] },
      }),
    );
    expect(a.me).toEqual([105, 95]);
    expect(a.add.map((e) => e.eid)).toEqual([42]);
    const b = r.read(
      encodeSnapshot({
        ...emptyWire(2, 3),
        step: [[1, 10, -20]],
        hp: [
          [0, 5, 10],
          [1, 9, 10],
        ],
      }),
    );
    expect(b.mv).toEqual([[42, 1010, 1980, headingByte(10, -20)]]);
    expect(b.hp).toEqual([
      [7, 5, 10],
      [42, 9, 10],
    ]);
    const c = r.read(
      encodeSnapshot({
        ...emptyWire(3, 3),
        del: [1],
        extra: { add: [{ ...info(43, 0, 0), sid: 1, hd: 0 }] },
      }),
    );
    expect(c.del).toEqual([42]);
    expect(c.add.map((e) => e.eid)).toEqual([43]);
    expect(r.size).toBe(1);
  });

  it('an unknown id is a typed error and leaves the table as it was', () => {
    const r = new SnapshotReader();
    r.reset(7, { x: 0, y: 0 });
    expect(() => r.read(encodeSnapshot({ ...emptyWire(1, 0), step: [[3, 1, 1]] }))).toThrow(
      SnapshotDecodeError,
    );
    expect(() => r.read('not bytes')).toThrow(SnapshotDecodeError);
    expect(r.size).toBe(0);
  });
});
