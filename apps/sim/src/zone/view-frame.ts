/**
 * The write half of a client's diff: diffView (view.ts) decides what goes into a
 * frame and collects it in `rec`; these write the binary frame (layout:
 * snapshot-codec.ts) from it. Apart so the diff reads without the byte layout.
 */
import {
  SECTION,
  SNAPSHOT_MAGIC,
  FrameWriter,
  type CombatEvent,
  type SelfCombatState,
} from '@necp/shared';
import type { EntityChanges } from './entity-changes';
import type { EntityTick } from './entity-tick';

/**
 * One client's records, collected flat (no tuple per record) and reused for
 * every client: the frame is written from them once the counts are known.
 */
export const rec = {
  del: [] as number[],
  /** sid, dx, dy */
  step: [] as number[],
  /** sid, x, y, heading */
  put: [] as number[],
  /** sid, health, maxHealth */
  hp: [] as number[],
  /** sid, 0|1 */
  dead: [] as number[],
  /** sids whose effect lists changed, and their entity records (briefs) */
  fxSid: [] as number[],
  fxT: [] as EntityTick[],
  /** sids of entities entering view, and their shared add bytes (EntityChanges.infoJson) */
  addSid: [] as number[],
  addJson: [] as Uint8Array[],
  /** indexes of this tick's events that go to this client */
  ev: [] as number[],
};
/** the frame's JSON part is assembled here, then copied into the frame */
const extras = new FrameWriter();
const utf8 = new TextEncoder();

/**
 * The frame's JSON part (SnapshotExtras) into `extras`, assembled from bytes
 * encoded once and shared: an entering entity's description (per entity and
 * tick), effect lists (per change), combat events (per tick); only the client's
 * own small ids and its own combat state are written per client.
 */
export function writeExtras(
  at: { readonly events: readonly CombatEvent[]; eventJson: (Uint8Array | undefined)[] },
  changes: EntityChanges,
  self: SelfCombatState | null,
): void {
  const x = extras;
  x.reset();
  x.ascii('{');
  let sep = '';
  if (rec.addSid.length > 0) {
    x.ascii('"add":[');
    for (let i = 0; i < rec.addSid.length; i++) {
      x.ascii(i === 0 ? '{"sid":' : ',{"sid":');
      x.decimal(rec.addSid[i]!);
      x.ascii(',');
      x.bytes(rec.addJson[i]!);
    }
    x.ascii(']');
    sep = ',';
  }
  if (rec.ev.length > 0) {
    x.ascii(`${sep}"ev":[`);
    for (let i = 0; i < rec.ev.length; i++) {
      const k = rec.ev[i]!;
      if (i > 0) x.ascii(',');
      x.bytes((at.eventJson[k] ??= utf8.encode(JSON.stringify(at.events[k]))));
    }
    x.ascii(']');
    sep = ',';
  }
  if (rec.fxSid.length > 0) {
    x.ascii(`${sep}"fx":[`);
    for (let i = 0; i < rec.fxSid.length; i++) {
      x.ascii(i === 0 ? '[' : ',[');
      x.decimal(rec.fxSid[i]!);
      x.ascii(',');
      x.bytes(changes.briefsJson(rec.fxT[i]!));
      x.ascii(']');
    }
    x.ascii(']');
    sep = ',';
  }
  if (self) {
    x.ascii(`${sep}"self":`);
    x.bytes(utf8.encode(JSON.stringify(self)));
  }
  x.ascii('}');
}

/** The binary frame (layout: snapshot-codec.ts) from the collected records. */
export function writeFrame(
  w: FrameWriter,
  tick: number,
  ack: number,
  mePut: boolean,
  meStep: boolean,
  meX: number,
  meY: number,
  mdx: number,
  mdy: number,
  extra: boolean,
): Uint8Array {
  w.reset();
  w.u8(SNAPSHOT_MAGIC);
  w.u32(tick);
  w.vu(ack);
  w.u8(
    (mePut ? SECTION.ME_PUT : 0) |
      (meStep ? SECTION.ME_STEP : 0) |
      (rec.del.length > 0 ? SECTION.DEL : 0) |
      (rec.step.length > 0 ? SECTION.STEP : 0) |
      (rec.put.length > 0 ? SECTION.PUT : 0) |
      (rec.hp.length > 0 ? SECTION.HP : 0) |
      (rec.dead.length > 0 ? SECTION.DEAD : 0) |
      (extra ? SECTION.EXTRA : 0),
  );
  if (mePut) {
    w.u32(meX);
    w.u32(meY);
  } else if (meStep) {
    w.i8(mdx);
    w.i8(mdy);
  }
  const { del, step, put, hp, dead } = rec;
  if (del.length > 0) {
    w.vu(del.length);
    for (let i = 0; i < del.length; i++) w.vu(del[i]!);
  }
  if (step.length > 0) w.stepRecords(step);
  if (put.length > 0) {
    w.vu(put.length / 4);
    for (let i = 0; i < put.length; i += 4) {
      w.vu(put[i]!);
      w.u32(put[i + 1]!);
      w.u32(put[i + 2]!);
      w.u8(put[i + 3]! & 255);
    }
  }
  if (hp.length > 0) {
    w.vu(hp.length / 3);
    for (let i = 0; i < hp.length; i++) w.vu(hp[i]!);
  }
  if (dead.length > 0) {
    w.vu(dead.length / 2);
    for (let i = 0; i < dead.length; i += 2) {
      w.vu(dead[i]!);
      w.u8(dead[i + 1]!);
    }
  }
  if (extra) {
    const json = extras.written();
    w.vu(json.length);
    w.bytes(json);
  }
  return w.written();
}
