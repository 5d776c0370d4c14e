import { LEAVE_RADIUS, VIEW_RADIUS, distance, toCm, type SnapshotMsg } from '@necp/shared';
import type { AoiGrid } from './aoi-grid';
import { entityInfo, type Entity } from './entity';
import type { Player } from './player';

/**
 * Computes what changed for one client since its last snapshot and records it as
 * sent. Returns null when nothing changed, so idle clients get no traffic.
 * Entities enter view within VIEW_RADIUS and leave past LEAVE_RADIUS (hysteresis).
 */
export function diffView(
  self: Player,
  tick: number,
  entities: ReadonlyMap<number, Entity>,
  grid: AoiGrid,
): SnapshotMsg | null {
  const view = self.view;
  const mv: SnapshotMsg['mv'] = [];
  const add: SnapshotMsg['add'] = [];
  const del: number[] = [];

  for (const [eid, sent] of view.seen) {
    const e = entities.get(eid);
    if (!e || distance(self, e) > LEAVE_RADIUS) {
      view.seen.delete(eid);
      del.push(eid);
      continue;
    }
    const x = toCm(e.x);
    const y = toCm(e.y);
    if (x !== sent.x || y !== sent.y) {
      mv.push([eid, x, y]);
      sent.x = x;
      sent.y = y;
    }
  }

  grid.forEachNear(self.x, self.y, VIEW_RADIUS, (eid) => {
    if (eid === self.eid || view.seen.has(eid)) return;
    const e = entities.get(eid);
    if (!e || distance(self, e) > VIEW_RADIUS) return;
    const info = entityInfo(e);
    add.push(info);
    view.seen.set(eid, { x: info.x, y: info.y });
  });

  const me: [number, number] = [toCm(self.x), toCm(self.y)];
  const selfChanged = me[0] !== view.me.x || me[1] !== view.me.y || self.lastSeq !== view.ack;
  if (!selfChanged && mv.length === 0 && add.length === 0 && del.length === 0) return null;
  view.me = { x: me[0], y: me[1] };
  view.ack = self.lastSeq;
  return { t: tick, ack: self.lastSeq, me, mv, add, del };
}
