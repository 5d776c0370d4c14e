/**
 * Drawn cards kept for a minute per key, at most OG_CACHE_MAX of them: a card costs
 * tens of milliseconds of CPU, and a link shared in a busy channel is fetched by every
 * preview bot at once. Only keys that name something real are drawn and kept (an
 * unknown runner is a cheap 404), so the keys are bounded by what exists.
 */
const OG_CACHE_TTL_MS = 60_000;
const OG_CACHE_MAX = 500;

const cards = new Map<string, { at: number; png: ArrayBuffer }>();

/** The card for `key`: drawn by `draw` at most once a minute; null when `draw` finds nothing. */
export async function cachedCard(
  key: string,
  draw: () => Promise<Response | null>,
  now = Date.now(),
): Promise<Response> {
  const hit = cards.get(key);
  if (hit && now - hit.at < OG_CACHE_TTL_MS) return pngResponse(hit.png);
  const drawn = await draw();
  if (!drawn) return new Response('Not found', { status: 404 });
  const png = await drawn.arrayBuffer();
  cards.delete(key);
  cards.set(key, { at: now, png });
  // oldest first out (a Map keeps insertion order)
  while (cards.size > OG_CACHE_MAX) cards.delete(cards.keys().next().value as string);
  return pngResponse(png);
}

function pngResponse(png: ArrayBuffer): Response {
  return new Response(png, {
    headers: {
      'Content-Type': 'image/png',
      'Cache-Control': 'public, max-age=600, stale-while-revalidate=3600',
    },
  });
}
