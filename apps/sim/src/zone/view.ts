import {
  LEAVE_RADIUS,
  VIEW_RADIUS,
  distance,
  inCombat,
  toCm,
  type CombatEvent,
  type SnapshotMsg,
} from '@necp/shared';
import { effectBriefs } from '../combat/fighter';
import { selfCombatState } from '../combat/self-state';
import type { AoiGrid } from './aoi-grid';
import { entityInfo, type Entity } from './entity';
import type { Player, SeenEntity } from './player';

/** Health, death and effects of a fighter; other entities have none. */
function vitals(e: Entity): Omit<SeenEntity, 'x' | 'y'> {
  if (e.kind === 'player' || e.kind === 'npc')
    return {
      health: e.health,
      maxHealth: e.maxHealth,
      dead: e.combat.dead,
      effects: e.combat.effects,
    };
  return { health: 0, maxHealth: 0, dead: false, effects: null };
}

/** Compares a fighter with what was sent, queues the differences and records them as sent. */
function diffVitals(
  eid: number,
  e: Entity,
  sent: SeenEntity,
  now: number,
  out: Required<Pick<SnapshotMsg, 'hp' | 'fx' | 'dead'>>,
): void {
  if (e.kind !== 'player' && e.kind !== 'npc') return;
  const v = vitals(e);
  if (v.health !== sent.health || v.maxHealth !== sent.maxHealth) {
    out.hp.push([eid, v.health, v.maxHealth]);
    sent.health = v.health;
    sent.maxHealth = v.maxHealth;
  }
  if (v.dead !== sent.dead) {
    out.dead.push([eid, v.dead]);
    sent.dead = v.dead;
  }
  if (v.effects !== sent.effects) {
    out.fx.push([eid, effectBriefs(e.combat.effects, now)]);
    sent.effects = v.effects;
  }
}

/**
 * Computes what changed for one client since its last snapshot and records it as
 * sent. Returns null when nothing changed, so idle clients get no traffic.
 * Entities enter view within VIEW_RADIUS and leave past LEAVE_RADIUS (hysteresis).
 * Combat events go to the clients that see their source or target (and always
 * to both parties).
 */
export function diffView(
  self: Player,
  tick: number,
  now: number,
  entities: ReadonlyMap<number, Entity>,
  grid: AoiGrid,
  events: readonly CombatEvent[] = [],
): SnapshotMsg | null {
  const view = self.view;
  const mv: SnapshotMsg['mv'] = [];
  const add: SnapshotMsg['add'] = [];
  const del: number[] = [];
  const out: Required<Pick<SnapshotMsg, 'hp' | 'fx' | 'dead'>> = { hp: [], fx: [], dead: [] };

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
    diffVitals(eid, e, sent, now, out);
  }

  grid.forEachNear(self.x, self.y, VIEW_RADIUS, (eid) => {
    if (eid === self.eid || view.seen.has(eid)) return;
    const e = entities.get(eid);
    if (!e || distance(self, e) > VIEW_RADIUS) return;
    const info = entityInfo(e, now);
    add.push(info);
    view.seen.set(eid, { x: info.x, y: info.y, ...vitals(e) });
  });

  diffVitals(self.eid, self, view.self, now, out);
  const ev = events.filter(
    (e) => e.src === self.eid || e.dst === self.eid || view.seen.has(e.src) || view.seen.has(e.dst),
  );
  const fighting = inCombat(self.combat.lastCombatAt, now);
  const selfCombatChanged = self.combat.dirty || fighting !== view.self.inCombat;

  const me: [number, number] = [toCm(self.x), toCm(self.y)];
  const selfChanged = me[0] !== view.me.x || me[1] !== view.me.y || self.lastSeq !== view.ack;
  const quiet =
    !selfChanged &&
    !selfCombatChanged &&
    mv.length === 0 &&
    add.length === 0 &&
    del.length === 0 &&
    out.hp.length === 0 &&
    out.fx.length === 0 &&
    out.dead.length === 0 &&
    ev.length === 0;
  if (quiet) return null;
  view.me = { x: me[0], y: me[1] };
  view.ack = self.lastSeq;
  const msg: SnapshotMsg = { t: tick, ack: self.lastSeq, me, mv, add, del };
  if (out.hp.length > 0) msg.hp = out.hp;
  if (out.fx.length > 0) msg.fx = out.fx;
  if (out.dead.length > 0) msg.dead = out.dead;
  if (ev.length > 0) msg.ev = ev;
  if (selfCombatChanged) {
    msg.self = selfCombatState(self, now);
    self.combat.dirty = false;
    view.self.inCombat = fighting;
  }
  return msg;
}
