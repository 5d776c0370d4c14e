/**
 * The game's REAL Renderer (Canvas 2D), whatever it draws today, over a WorldState built
 * from a Watson welcome, fed the bench's crowd as its Scene — for cases "canvas2d-now" and
 * "canvas2d-now-30" (the game menu's frame cap). Only `renderer.draw` is timed (the frame
 * loop also times the frame's main-thread work).
 */
import { Renderer, type Scene } from '../../../../apps/web/src/game/render/renderer';
import { mapContacts } from '../../../../apps/web/src/game/world/contacts';
import { WorldState } from '../../../../apps/web/src/game/world/world-state';
import { Crowd } from './crowd';
import { runFrames } from './frame-loop';
import { crowdParams, viewOf } from './view';
import { watsonWelcome } from './watson';

/** Draws the crowd with the game's Renderer every frame, or at most `maxFps` a second. */
export function runRealRenderer(maxFps?: number): void {
  const canvas = document.getElementById('game') as HTMLCanvasElement;
  const { figures, effects } = crowdParams();
  const renderer = new Renderer(canvas);
  const world = new WorldState(watsonWelcome(), performance.now());
  const crowd = new Crowd(figures, effects, viewOf().half);
  // every contact of Watson on the minimap, as the frame painter passes them
  const onMap = mapContacts(world.zone.id, {});

  runFrames(
    { renderer: 'Canvas 2D (the game Renderer)', ...(maxFps ? { maxFps: String(maxFps) } : {}) },
    (now): Scene => {
      const f = crowd.at(now);
      world.heading = f.heading;
      return {
        selfPos: f.selfPos,
        self: f.self,
        others: f.others,
        drops: [],
        reachEid: null,
        targetEid: f.targetEid,
        texts: f.texts,
        telegraphs: f.telegraphs,
        contacts: [],
        mapContacts: onMap,
        party: [],
        guide: null,
      };
    },
    (scene, now) => renderer.draw(world, scene, now),
    maxFps,
  );
}
