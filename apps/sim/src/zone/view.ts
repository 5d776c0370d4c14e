import {
  LEAVE_RADIUS,
  VIEW_RADIUS,
  distance,
  emptyWire,
  fitsStep,
  inCombat,
  type AddRecord,
  type CombatEvent,
  type EffectBrief,
  type WireSnapshot,
} from '@necp/shared';
import { selfCombatState } from '../combat/self-state';
import type { AoiGrid } from './aoi-grid';
import type { Entity } from './entity';
import type { EntityChanges, EntityTick } from './entity-changes';
import type { ClientView, Player, SeenEntity } from './player';

/** What the zone hands every client's diff in one tick. */
export interface ViewTick {
  tick: number;
  now: number;
  entities: ReadonlyMap<number, Entity>;
  grid: AoiGrid;
  /** this tick's changes, prepared once for all clients */
  changes: EntityChanges;
  events: readonly CombatEvent[];
}

type Vitals = Pick<SeenEntity, 'health' | 'maxHealth' | 'dead' | 'effects'>;

/** Queues the vitals that differ from what was sent about `sid`, and records them as sent. */
function diffVitals(
  sid: number,
  t: EntityTick,
  sent: Vitals,
  w: WireSnapshot,
  fx: [number, EffectBrief[]][],
): void {
  if (t.health !== sent.health || t.maxHealth !== sent.maxHealth) {
    w.hp.push([sid, t.health, t.maxHealth]);
    sent.health = t.health;
    sent.maxHealth = t.maxHealth;
  }
  if (t.dead !== sent.dead) {
    w.dead.push([sid, t.dead]);
    sent.dead = t.dead;
  }
  if (t.effects !== sent.effects) {
    fx.push([sid, t.briefs]);
    sent.effects = t.effects;
  }
}

function allocSid(view: ClientView): number {
  return view.freeSids.pop() ?? view.nextSid++;
}

function leave(view: ClientView, eid: number, s: SeenEntity, w: WireSnapshot): void {
  view.seen.delete(eid);
  view.freeSids.push(s.sid);
  w.del.push(s.sid);
}

const scratchKeys: number[] = [];

/**
 * What changed for one client since its last snapshot, recorded as sent; null
 * when nothing did (idle clients get no traffic). Incremental: a client that did
 * not move itself only looks at the entities that changed this tick and at the
 * grid cells something changed in — and at nothing at all when no cell of its
 * square changed. Entities enter view within VIEW_RADIUS and leave past
 * LEAVE_RADIUS (hysteresis). Combat events go to the clients that see their
 * source or target (and always to both parties). Positions of others are steps
 * from what this client was last sent when the entity's shared step applies,
 * absolute otherwise (entering, teleports, a client that missed frames).
 */
export function diffView(self: Player, at: ViewTick): WireSnapshot | null {
  const { tick, now, entities, grid, changes, events } = at;
  const view = self.view;
  const mine = changes.get(self.eid);
  const resync = view.full;
  const full = resync || !mine || mine.movedAt === tick;
  const fighting = inCombat(self.combat.lastCombatAt, now);
  const selfCombatChanged = self.combat.dirty || fighting !== view.self.inCombat;
  const meX = mine ? mine.qx : view.me.x;
  const meY = mine ? mine.qy : view.me.y;
  const selfChanged = meX !== view.me.x || meY !== view.me.y || self.lastSeq !== view.ack;
  const selfVitals =
    mine !== undefined &&
    (mine.health !== view.self.health ||
      mine.maxHealth !== view.self.maxHealth ||
      mine.dead !== view.self.dead ||
      mine.effects !== view.self.effects);
  if (
    !full &&
    !selfChanged &&
    !selfCombatChanged &&
    !selfVitals &&
    !grid.touchedNear(self.x, self.y, LEAVE_RADIUS, tick)
  )
    return null;
  view.full = false;

  const w = emptyWire(tick, self.lastSeq);
  const fx: [number, EffectBrief[]][] = [];
  for (const [eid, s] of view.seen) {
    const e = entities.get(eid);
    const t = changes.get(eid);
    if (!e || !t) {
      leave(view, eid, s, w);
      continue;
    }
    if (!full && t.movedAt !== tick && t.vitalsAt !== tick) continue;
    if (distance(self, e) > LEAVE_RADIUS) {
      leave(view, eid, s, w);
      continue;
    }
    if (t.qx !== s.x || t.qy !== s.y) {
      if (t.stepOk && s.x === t.pqx && s.y === t.pqy) w.step.push([s.sid, t.dx, t.dy]);
      else w.put.push([s.sid, t.qx, t.qy, t.heading]);
      s.x = t.qx;
      s.y = t.qy;
    }
    diffVitals(s.sid, t, s, w, fx);
  }

  const add: AddRecord[] = [];
  for (const key of grid.keysNear(self.x, self.y, VIEW_RADIUS, scratchKeys)) {
    if (!full && grid.touchedAt(key) !== tick) continue;
    const cell = grid.inCell(key);
    if (!cell) continue;
    for (const eid of cell) {
      if (eid === self.eid || view.seen.has(eid)) continue;
      const e = entities.get(eid);
      const t = changes.get(eid);
      if (!e || !t || distance(self, e) > VIEW_RADIUS) continue;
      const sid = allocSid(view);
      add.push({ ...changes.info(eid, e), sid, hd: t.heading });
      view.seen.set(eid, {
        sid,
        x: t.qx,
        y: t.qy,
        health: t.health,
        maxHealth: t.maxHealth,
        dead: t.dead,
        effects: t.effects,
      });
    }
  }

  if (mine) diffVitals(0, mine, view.self, w, fx);
  const ev =
    events.length === 0
      ? events
      : events.filter(
          (e) =>
            e.src === self.eid ||
            e.dst === self.eid ||
            view.seen.has(e.src) ||
            view.seen.has(e.dst),
        );
  const quiet =
    !selfChanged &&
    !selfCombatChanged &&
    w.step.length === 0 &&
    w.put.length === 0 &&
    w.del.length === 0 &&
    w.hp.length === 0 &&
    w.dead.length === 0 &&
    add.length === 0 &&
    fx.length === 0 &&
    ev.length === 0;
  if (quiet) return null;

  const dx = meX - view.me.x;
  const dy = meY - view.me.y;
  if (resync) w.mePut = [meX, meY];
  else if (dx !== 0 || dy !== 0) {
    if (fitsStep(dx, dy)) w.meStep = [dx, dy];
    else w.mePut = [meX, meY];
  }
  view.me = { x: meX, y: meY };
  view.ack = self.lastSeq;
  const extra: NonNullable<WireSnapshot['extra']> = {};
  if (add.length > 0) extra.add = add;
  if (ev.length > 0) extra.ev = [...ev];
  if (fx.length > 0) extra.fx = fx;
  if (selfCombatChanged) {
    extra.self = selfCombatState(self, now);
    self.combat.dirty = false;
    view.self.inCombat = fighting;
  }
  if (add.length > 0 || ev.length > 0 || fx.length > 0 || selfCombatChanged) w.extra = extra;
  return w;
}

/**
 * Packets waiting in a client's transport buffer beyond which it counts as
 * behind: about 1 s of snapshots (a client on a healthy link drains every tick).
 */
export const MAX_BACKLOG_PACKETS = 20;

/** The client cannot keep up: its transport still holds many unsent packets. */
export const isBehind = (conn: { backlog?(): number }): boolean =>
  (conn.backlog?.() ?? 0) > MAX_BACKLOG_PACKETS;

/** A combat event this tick that the player is a party to, or sees a party of. */
export const concerns = (p: Player, events: readonly CombatEvent[]): boolean =>
  events.some(
    (e) => e.src === p.eid || e.dst === p.eid || p.view.seen.has(e.src) || p.view.seen.has(e.dst),
  );
