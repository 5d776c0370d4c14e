import { describe, expect, it } from 'vitest';
import type { EntityTick } from './entity-tick';
import { SeenTable } from './seen-table';

const tickOf = (eid: number) => ({ eid }) as EntityTick;

describe('SeenTable', () => {
  it('hands out sids from 1, reuses freed ones first, and keeps rows through growth', () => {
    const seen = new SeenTable(2);
    const sids = [1, 2, 3, 4, 5].map((eid) => seen.add(tickOf(eid), eid * 100, -eid, eid));
    expect(sids).toEqual([1, 2, 3, 4, 5]);
    expect(seen.size).toBe(5);
    // grown from 2 rows: what was filed before is intact
    for (const sid of sids) {
      expect(seen.refs[sid]?.eid).toBe(sid);
      expect([seen.x[sid], seen.y[sid], seen.vitalsAt[sid]]).toEqual([sid * 100, -sid, sid]);
    }
    seen.remove(2);
    seen.remove(4);
    seen.remove(4); // twice: no double free
    expect(seen.size).toBe(3);
    expect(seen.has(2)).toBe(false);
    expect(seen.has(3)).toBe(true);
    expect(seen.add(tickOf(9), 1, 2, 3)).toBe(4);
    expect(seen.add(tickOf(10), 1, 2, 3)).toBe(2);
    expect(seen.add(tickOf(11), 1, 2, 3)).toBe(6);
    expect(seen.end).toBe(7);
    expect(seen.refs[0]).toBeNull();
  });
});
