import { describe, expect, it } from 'vitest';
import { SnapshotReader, emptyWire, encodeSnapshot, type WireSnapshot } from '@necp/shared';
import { readMoveFrame, type MoveView } from './move-frame';

const addOf = (sid: number, eid: number) => ({
  eid,
  kind: 'player' as const,
  name: `p${eid}`,
  level: 3,
  health: 100,
  maxHealth: 100,
  x: 100 * sid,
  y: 200,
  classId: 'solo',
  sid,
  hd: 0,
});

describe('readMoveFrame', () => {
  it('tracks tick, ack, own position and the visible count like the full reader', () => {
    const full = new SnapshotReader();
    full.reset(1, { x: 5000, y: 6000 });
    const v: MoveView = { tick: 0, ack: 0, x: 5000, y: 6000, visible: 0 };
    const frames: WireSnapshot[] = [
      {
        ...emptyWire(300, 7),
        mePut: [70000, 80000],
        extra: { add: [addOf(1, 10), addOf(2, 11), addOf(3, 12)] },
      },
      {
        ...emptyWire(302, 200),
        meStep: [-5, 12],
        step: [[1, 3, -4]],
        put: [[2, 9, 9, 17]],
        hp: [[3, 50, 100]],
      },
      {
        ...emptyWire(70_000_000, 300),
        meStep: [127, -128],
        del: [1, 3],
        dead: [[2, true]],
        extra: {
          add: [addOf(1, 13)],
          ev: [{ k: 'hit', src: 11, dst: 13 }] as never,
          fx: [[2, []]],
        },
      },
    ];
    for (const w of frames) {
      const bytes = encodeSnapshot(w);
      const m = full.read(bytes);
      expect(readMoveFrame(bytes, v)).toBe(true);
      expect(v).toEqual({ tick: m.t, ack: m.ack, x: m.me[0], y: m.me[1], visible: full.size });
    }
  });

  it('refuses a frame that is not a snapshot', () => {
    const v: MoveView = { tick: 1, ack: 2, x: 3, y: 4, visible: 5 };
    expect(readMoveFrame(new Uint8Array([1, 2, 3, 4, 5, 6, 7]), v)).toBe(false);
    expect(v).toEqual({ tick: 1, ack: 2, x: 3, y: 4, visible: 5 });
  });
});
