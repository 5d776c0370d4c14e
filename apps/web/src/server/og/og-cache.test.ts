import { describe, expect, it } from 'vitest';
import { cachedCard } from './og-cache';

const png = (n: number) => new Response(new Uint8Array([n]));

describe('cachedCard', () => {
  it('draws a key once a minute and answers 404 when there is nothing to draw', async () => {
    let draws = 0;
    const draw = async () => png(++draws);
    const t = 1_000_000;
    const key = `k${Math.random()}`;
    const first = await cachedCard(key, draw, t);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(new Uint8Array([1]));
    await cachedCard(key, draw, t + 59_000);
    expect(draws).toBe(1);
    const later = await cachedCard(key, draw, t + 61_000);
    expect(new Uint8Array(await later.arrayBuffer())).toEqual(new Uint8Array([2]));
    expect((await cachedCard(`none${Math.random()}`, async () => null, t)).status).toBe(404);
  });

  it('keeps at most 500 cards: the oldest is drawn again', async () => {
    const prefix = `cap${Math.random()}`;
    let draws = 0;
    const draw = async () => png(++draws);
    for (let i = 0; i < 501; i++) await cachedCard(`${prefix}:${i}`, draw, 5_000);
    expect(draws).toBe(501);
    await cachedCard(`${prefix}:0`, draw, 5_000);
    expect(draws).toBe(502);
    await cachedCard(`${prefix}:500`, draw, 5_000);
    expect(draws).toBe(502);
  });
});
