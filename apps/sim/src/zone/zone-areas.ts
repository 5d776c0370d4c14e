import { distance, type ZoneArea } from '@necp/shared';
import type { Player } from './player';

/** Where a zone reports a character entering one of its named areas (the server: banner + outbox). */
export interface AreaSink {
  entered(p: Readonly<Player>, area: ZoneArea): void;
}

export const nullAreaSink: AreaSink = { entered: () => undefined };

/**
 * Edge-triggered area tracking: a character counts as entering an area on the
 * first check that finds it inside the circle after a check that did not (or
 * with no check before: spawning, respawning or arriving inside counts).
 * Standing still or walking inside reports nothing.
 */
export function updateAreas(p: Player, areas: readonly ZoneArea[], sink: AreaSink): void {
  p.areasDirty = false;
  if (areas.length === 0) return;
  let inside: Set<string> | undefined;
  let entered: ZoneArea[] | undefined;
  for (const a of areas) {
    if (distance(p, a) > a.radius) continue;
    (inside ??= new Set()).add(a.id);
    if (!p.areas.has(a.id)) (entered ??= []).push(a);
  }
  // recorded before the sink hears of it, so a failing sink cannot make it fire again
  p.areas = inside ?? EMPTY;
  for (const a of entered ?? []) sink.entered(p, a);
}

const EMPTY: ReadonlySet<string> = new Set();
