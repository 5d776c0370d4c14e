import type { EffectBrief, EntityInfo } from '@necp/shared';

/**
 * What one entity looks like this tick, worked out ONCE per tick and shared by
 * every client that sees it: the quantised position, the step from the previous
 * quantised position and heading, its vitals and, when it just entered
 * someone's view, its description. Viewers keep a reference to it (SeenEntity.t),
 * so a client's diff reads it without a lookup; `gone` tells them it left.
 */
export interface EntityTick {
  readonly eid: number;
  /** no longer shown (left, hidden): whoever still holds this must drop it */
  gone: boolean;
  /** metres, as of the last prepare (a change of these moves the entity) */
  x: number;
  y: number;
  /** tick at which the position (metres) last changed */
  movedAt: number;
  /** quantised position (cm) */
  qx: number;
  qy: number;
  /** the direction of its last quantised move (a heading byte) */
  heading: number;
  health: number;
  maxHealth: number;
  dead: boolean;
  effects: readonly unknown[] | null;
  /** effect briefs, made when the effect list last changed */
  briefs: EffectBrief[];
  /** tick at which health, death or effects last changed */
  vitalsAt: number;
  /** ticks at which each of them last changed (a viewer compares them with when it was last told) */
  hpAt: number;
  deadAt: number;
  fxAt: number;
  /** tick of the last combat event it was the source or target of */
  evAt: number;
  /**
   * tick at which its description (EntityInfo: a title) changed while shown; viewers
   * told its vitals before it are sent the whole description again (view.ts)
   */
  describedAt: number;
  /** the grid cell it was in (for touching it when the entity goes away) */
  cell: number;
  /** its index in that cell's list (EntityChanges.inCell) */
  slot: number;
  /** scratch for one client's diff: equal to that diff's mark while the entity is in its view */
  mark: number;
  info: EntityInfo | null;
  infoAt: number;
  /** UTF-8 JSON of `info` with the heading, after its opening brace (an add record's shared bytes) */
  infoJson: Uint8Array | null;
  infoJsonAt: number;
  /** UTF-8 JSON of `briefs`, made when first needed after they changed */
  briefsJson: Uint8Array | null;
}
