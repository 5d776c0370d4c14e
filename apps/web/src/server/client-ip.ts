/**
 * The client's IP for rate limits and auth events. Behind a proxy the left-most
 * x-forwarded-for entry is the client; x-real-ip is what nginx-style proxies set.
 */
type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(h: HeaderBag, name: string): string | undefined {
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export function clientIp(h: HeaderBag | undefined): string {
  if (!h) return 'unknown';
  const forwarded = header(h, 'x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || header(h, 'x-real-ip')?.trim() || 'unknown';
}
