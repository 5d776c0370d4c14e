import {
  LEAVE_RADIUS,
  VIEW_RADIUS,
  fitsStep,
  inCombat,
  type CombatEvent,
  type FrameWriter,
  type SelfCombatState,
} from '@necp/shared';
import { selfCombatState } from '../combat/self-state';
import type { AoiGrid } from './aoi-grid';
import type { Entity } from './entity';
import type { EntityChanges } from './entity-changes';
import type { EntityTick } from './entity-tick';
import type { Player, SentVitals } from './player';
import type { SeenTable } from './seen-table';
import { rec, writeExtras, writeFrame } from './view-frame';

/** What the zone hands every client's diff in one tick. */
export interface ViewTick {
  tick: number;
  now: number;
  entities: ReadonlyMap<number, Entity>;
  grid: AoiGrid;
  /** this tick's changes, prepared once for all clients */
  changes: EntityChanges;
  events: readonly CombatEvent[];
  /** UTF-8 JSON of each of `events`, encoded when first sent and shared by every client it goes to */
  eventJson: (Uint8Array | undefined)[];
  /**
   * a client is sent a frame at most every `every` ticks (carrying everything
   * since its last one) — sooner when its own input was applied, its own state
   * changed or a combat event concerns it
   */
  every: number;
}

const VIEW2 = VIEW_RADIUS * VIEW_RADIUS;
const LEAVE2 = LEAVE_RADIUS * LEAVE_RADIUS;

const scratchKeys: number[] = [];
/** one number per diff: the entities in that client's view carry it (EntityTick.mark) */
let diffMark = 0;

/** Queues the vitals that changed since they were last sent about `sid` (at tick `sentAt`). */
function diffVitals(sid: number, t: EntityTick, sentAt: number): void {
  if (t.hpAt > sentAt) rec.hp.push(sid, t.health, t.maxHealth);
  if (t.deadAt > sentAt) rec.dead.push(sid, t.dead ? 1 : 0);
  if (t.fxAt > sentAt) {
    rec.fxSid.push(sid);
    rec.fxT.push(t);
  }
}

/** The own vitals that differ from what was sent, recorded as sent. */
function diffSelfVitals(t: EntityTick, sent: SentVitals): void {
  if (t.health !== sent.health || t.maxHealth !== sent.maxHealth) {
    rec.hp.push(0, t.health, t.maxHealth);
    sent.health = t.health;
    sent.maxHealth = t.maxHealth;
  }
  if (t.dead !== sent.dead) {
    rec.dead.push(0, t.dead ? 1 : 0);
    sent.dead = t.dead;
  }
  if (t.effects !== sent.effects) {
    rec.fxSid.push(0);
    rec.fxT.push(t);
    sent.effects = t.effects;
  }
}

function leave(seen: SeenTable, sid: number): void {
  seen.remove(sid);
  rec.del.push(sid);
}

/**
 * The next frame for one client, written into `out` and returned (a view of
 * `out`'s buffer, valid until its next frame: the connection copies it), and
 * recorded as sent; null when it is not due or nothing changed (idle clients
 * get no traffic and cost a few comparisons).
 *
 * Cadence: a frame carries everything that changed since the client's last look
 * (`view.sentAt`), and is due `at.every` ticks after it — at once when the
 * client's own input was applied (its ack), its own vitals or combat state
 * changed, a combat event concerns it, or it needs a resync.
 *
 * Incremental: entities in view hold their shared per-tick record (no lookups);
 * only those that changed since the last look are examined unless the client
 * itself moved. New entries are looked for only in cells something changed in
 * since the last look (or all cells in reach when the client moved), and not at
 * all when nothing changed within LEAVE_RADIUS of the client (one stamp lookup,
 * AoiGrid.changedNear). Entities enter view within VIEW_RADIUS and leave past
 * LEAVE_RADIUS (hysteresis). Combat events go to the clients that see their
 * source or target (and always to both parties). Positions of others are steps
 * from what this client was last sent when they fit, absolute otherwise
 * (entering, teleports, a client that missed frames).
 */
export function diffView(self: Player, at: ViewTick, out: FrameWriter): Uint8Array | null {
  const { tick, now, entities, grid, changes, events } = at;
  const view = self.view;
  const mine = ownRecord(self, changes);
  const resync = view.full;
  const since = resync ? -1 : view.sentAt;
  const fighting = inCombat(self.combat.lastCombatAt, now);
  const selfCombatChanged = self.combat.dirty || fighting !== view.self.inCombat;
  const meX = mine ? mine.qx : view.meX;
  const meY = mine ? mine.qy : view.meY;
  const acked = self.lastSeq !== view.ack;
  const selfVitals =
    mine !== undefined &&
    (mine.health !== view.self.health ||
      mine.maxHealth !== view.self.maxHealth ||
      mine.dead !== view.self.dead ||
      mine.effects !== view.self.effects);
  const concerned = events.length > 0 && concerns(self, at);
  const prompt = resync || acked || selfCombatChanged || selfVitals || concerned;
  if (!prompt && tick - view.sentAt < at.every) return null;
  const moved = resync || self.x !== view.atX || self.y !== view.atY;
  const selfChanged = meX !== view.meX || meY !== view.meY || acked;
  view.full = false;
  view.sentAt = tick;
  view.atX = self.x;
  view.atY = self.y;
  if (!prompt && !moved && !selfChanged && !grid.changedNear(self.x, self.y, since)) return null;

  rec.del.length = 0;
  rec.step.length = 0;
  rec.put.length = 0;
  rec.hp.length = 0;
  rec.dead.length = 0;
  rec.fxSid.length = 0;
  rec.fxT.length = 0;
  rec.addSid.length = 0;
  rec.addJson.length = 0;
  rec.ev.length = 0;
  const mark = ++diffMark;
  const seen = view.seen;
  const { refs, x: sentX, y: sentY, vitalsAt: sentVitals } = seen;
  for (let sid = 1; sid < refs.length; sid++) {
    const t = refs[sid];
    if (!t) continue;
    if (t.gone) {
      leave(seen, sid);
      continue;
    }
    t.mark = mark;
    if (!moved && t.movedAt <= since && t.vitalsAt <= since) continue;
    const dx = t.x - self.x;
    const dy = t.y - self.y;
    if (dx * dx + dy * dy > LEAVE2) {
      // out of view (and beyond VIEW_RADIUS: the scan below cannot add it back)
      t.mark = 0;
      leave(seen, sid);
      continue;
    }
    const vAt = sentVitals[sid]!;
    if (t.describedAt > vAt) {
      const e = entities.get(t.eid);
      if (e) {
        // its description changed (a title): an add of the same sid replaces the client's
        // and places it (no step from the last sent position, the add carries where it is)
        rec.addSid.push(sid);
        rec.addJson.push(changes.infoJson(t, e));
        sentX[sid] = t.qx;
        sentY[sid] = t.qy;
        sentVitals[sid] = tick;
        continue;
      }
    }
    const ox = sentX[sid]!;
    const oy = sentY[sid]!;
    if (t.qx !== ox || t.qy !== oy) {
      const sx = t.qx - ox;
      const sy = t.qy - oy;
      if (fitsStep(sx, sy)) rec.step.push(sid, sx, sy);
      else rec.put.push(sid, t.qx, t.qy, t.heading);
      sentX[sid] = t.qx;
      sentY[sid] = t.qy;
    }
    if (t.vitalsAt > vAt) {
      diffVitals(sid, t, vAt);
      sentVitals[sid] = tick;
    }
  }

  for (const key of grid.keysNear(self.x, self.y, VIEW_RADIUS, scratchKeys)) {
    if (!moved && grid.touchedAt(key) <= since) continue;
    const cell = changes.inCell(key);
    if (!cell) continue;
    for (let i = 0; i < cell.length; i++) {
      const t = cell[i]!;
      // in view already (marked above), or neither it nor the client moved since the last look
      if (t.mark === mark || (!moved && t.movedAt <= since)) continue;
      const dx = t.x - self.x;
      const dy = t.y - self.y;
      if (dx * dx + dy * dy > VIEW2) continue;
      const eid = t.eid;
      const e = eid === self.eid ? undefined : entities.get(eid);
      if (!e) continue;
      // the add carries its vitals as of now
      const sid = seen.add(t, t.qx, t.qy, tick);
      t.mark = mark;
      rec.addSid.push(sid);
      rec.addJson.push(changes.infoJson(t, e));
    }
  }

  if (mine) diffSelfVitals(mine, view.self);
  // after the adds (marked too): an event about an entity entering view now goes along
  if (concerned)
    for (let i = 0; i < events.length; i++)
      if (sees(self, events[i]!, changes, mark)) rec.ev.push(i);
  const records =
    rec.step.length +
    rec.put.length +
    rec.del.length +
    rec.hp.length +
    rec.dead.length +
    rec.addSid.length +
    rec.fxSid.length +
    rec.ev.length;
  if (!selfChanged && !selfCombatChanged && records === 0) return null;

  let selfState: SelfCombatState | null = null;
  if (selfCombatChanged) {
    selfState = selfCombatState(self, now);
    self.combat.dirty = false;
    view.self.inCombat = fighting;
  }
  const hasExtra =
    rec.addSid.length > 0 || rec.ev.length > 0 || rec.fxSid.length > 0 || selfState !== null;
  if (hasExtra) writeExtras(at, changes, selfState);

  const mdx = meX - view.meX;
  const mdy = meY - view.meY;
  const mePut = resync || ((mdx !== 0 || mdy !== 0) && !fitsStep(mdx, mdy));
  const meStep = !mePut && (mdx !== 0 || mdy !== 0);
  view.meX = meX;
  view.meY = meY;
  view.ack = self.lastSeq;
  return writeFrame(out, tick, self.lastSeq, mePut, meStep, meX, meY, mdx, mdy, hasExtra);
}

/** The client's own shared record, kept on its view (one map lookup when it changes). */
function ownRecord(self: Player, changes: EntityChanges): EntityTick | undefined {
  const view = self.view;
  let mine = view.mine;
  if (!mine || mine.gone) mine = view.mine = changes.get(self.eid) ?? null;
  return mine ?? undefined;
}

/**
 * Whether diffView may have a frame for this client this tick: a read-only look
 * at the player, its view and its own record — no transport, no `seen` — so each
 * idle player in a crowd costs a few loads a tick. False means diffView would
 * return null (it may still return null when this says true).
 */
export function frameDue(self: Player, at: ViewTick): boolean {
  const view = self.view;
  if (view.full || self.lastSeq !== view.ack || self.combat.dirty) return true;
  const mine = ownRecord(self, at.changes);
  if (mine && mine.vitalsAt > view.sentAt) return true;
  if (inCombat(self.combat.lastCombatAt, at.now) !== view.self.inCombat) return true;
  if (at.events.length > 0 && concerns(self, at)) return true;
  if (at.tick - view.sentAt < at.every) return false;
  if (self.x !== view.atX || self.y !== view.atY) return true;
  if (mine && (mine.qx !== view.meX || mine.qy !== view.meY)) return true;
  return at.grid.changedNear(self.x, self.y, view.sentAt);
}

/**
 * Whether a combat event goes to this player: a party to it, or sees a party —
 * the entities in its view carry this diff's `mark`.
 */
const sees = (p: Player, e: CombatEvent, changes: EntityChanges, mark: number): boolean =>
  e.src === p.eid ||
  e.dst === p.eid ||
  changes.get(e.src)?.mark === mark ||
  changes.get(e.dst)?.mark === mark;

/**
 * Packets waiting in a client's transport buffer beyond which it counts as
 * behind: about 1 s of snapshots (a client on a healthy link drains every tick).
 */
export const MAX_BACKLOG_PACKETS = 20;

/** The client cannot keep up: its transport still holds many unsent packets. */
export const isBehind = (conn: { backlog?(): number }): boolean =>
  (conn.backlog?.() ?? 0) > MAX_BACKLOG_PACKETS;

/**
 * A combat event this tick that the player is a party to, or sees a party of:
 * the entities of this tick's events carry `evAt` (EntityChanges.prepare).
 */
export function concerns(p: Player, at: Pick<ViewTick, 'tick' | 'events'>): boolean {
  const { tick, events } = at;
  if (events.length === 0) return false;
  for (const e of events) if (e.src === p.eid || e.dst === p.eid) return true;
  const refs = p.view.seen.refs;
  for (let sid = 1; sid < refs.length; sid++) if (refs[sid]?.evAt === tick) return true;
  return false;
}
