import { describe, expect, it } from 'vitest';
import { Camera } from './camera';
import { edgeArrow } from './draw-party';

describe('party arrows', () => {
  const cam = new Camera();
  cam.resize(800, 600);
  cam.follow({ x: 100, y: 100 });

  it('none for a member on screen', () => {
    expect(edgeArrow(cam, { x: 101, y: 99 })).toBeNull();
  });

  it('at the edge towards a member off screen, pointing at it', () => {
    const east = edgeArrow(cam, { x: 500, y: 100 })!;
    expect(east.x).toBeCloseTo(800 - 46);
    expect(east.y).toBeCloseTo(300);
    expect(east.angle).toBeCloseTo(0);
    const north = edgeArrow(cam, { x: 100, y: -400 })!;
    expect(north.y).toBeCloseTo(46);
    expect(north.angle).toBeCloseTo(-Math.PI / 2);
  });
});
