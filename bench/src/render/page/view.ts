/** The view every renderer of the bench draws: the page's size, the game camera's scale. */
import { Camera } from '../../../../apps/web/src/game/render/camera';

/** The Renderer's cap: a phone's 3× backing store would cost 2.25× the pixels of 2×. */
export const dprOf = () => Math.min(window.devicePixelRatio || 1, 2);

/** CSS size of the page, the camera's pixels per metre, half the view in metres. */
export function viewOf() {
  const width = window.innerWidth;
  const height = window.innerHeight;
  const cam = new Camera();
  cam.resize(width, height);
  return { width, height, ppm: cam.ppm, half: { w: width / 2 / cam.ppm, h: height / 2 / cam.ppm } };
}

/** The case's knobs from the page's query string (?figures=60&effects=40). */
export function crowdParams() {
  const q = new URLSearchParams(location.search);
  return { figures: Number(q.get('figures') ?? 60), effects: Number(q.get('effects') ?? 40) };
}
