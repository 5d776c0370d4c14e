/** What both sprite cases start from: the crowd, the view, and the art painted once. */
import { mapContacts } from '../../../../apps/web/src/game/world/contacts';
import { Crowd } from './crowd';
import { paintSpriteArt } from './sprite-art';
import { crowdParams, dprOf, viewOf } from './view';
import { MARKET, watsonInfo } from './watson';

/** the own character's circle round the market (crowd.ts), plus a metre of slack */
const WANDER_M = 7;

export function spriteSetup() {
  const { figures, effects } = crowdParams();
  const view = viewOf();
  const dpr = dprOf();
  const zone = watsonInfo();
  const crowd = new Crowd(figures, effects, view.half);
  const t0 = performance.now();
  const art = paintSpriteArt({
    zone,
    view,
    dpr,
    wander: WANDER_M,
    centre: MARKET,
    frame: crowd.at(0),
    texts: crowd.textKinds(),
    mapContacts: mapContacts(zone.id, {}),
  });
  return { crowd, view, dpr, zone, art, paintMs: performance.now() - t0 };
}
