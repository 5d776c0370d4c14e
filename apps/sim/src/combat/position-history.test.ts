import { describe, expect, it } from 'vitest';
import { MAX_REWIND_TICKS, PositionHistory } from './position-history';

describe('PositionHistory', () => {
  it('returns the newest position at or before the tick', () => {
    const h = new PositionHistory();
    h.record(10, 1, 1);
    h.record(12, 2, 2);
    expect(h.at(10, 12)).toEqual({ x: 1, y: 1 });
    expect(h.at(11, 12)).toEqual({ x: 1, y: 1 });
    expect(h.at(12, 12)).toEqual({ x: 2, y: 2 });
    // the future is now
    expect(h.at(99, 12)).toEqual({ x: 2, y: 2 });
  });

  it('a second record in the same tick replaces the first', () => {
    const h = new PositionHistory();
    h.record(5, 1, 1);
    h.record(5, 3, 3);
    expect(h.at(5, 5)).toEqual({ x: 3, y: 3 });
  });

  it('clamps old ticks to the rewind window', () => {
    const h = new PositionHistory();
    for (let t = 0; t <= 100; t++) h.record(t, t, 0);
    expect(h.at(100 - MAX_REWIND_TICKS, 100)).toEqual({ x: 100 - MAX_REWIND_TICKS, y: 0 });
    // an ancient view tick gets at most MAX_REWIND_TICKS of rewind
    expect(h.at(3, 100)).toEqual({ x: 100 - MAX_REWIND_TICKS, y: 0 });
  });

  it('keeps a standing entity where it stopped, however long ago', () => {
    const h = new PositionHistory();
    h.record(1, 7, 7);
    expect(h.at(500, 1000)).toEqual({ x: 7, y: 7 });
  });

  it('knows nothing before the first record', () => {
    const h = new PositionHistory();
    h.record(10, 1, 1);
    expect(h.at(9, 10)).toBeUndefined();
  });
});
