/**
 * The Content-Security-Policy and the other browser-hardening headers (pure, so
 * they can be unit-tested; proxy.ts applies them per request).
 */

/**
 * What lets a page's own scripts and <style> elements run: a nonce fresh per request
 * (pages rendered per request), or the hashes of a prerendered page's inline scripts
 * and styles (pages built once and served as they are: static-pages.ts).
 */
export type InlineAllowance =
  { nonce: string } | { scriptHashes: readonly string[]; styleHashes: readonly string[] };

export type CspOptions = InlineAllowance & {
  /** where browsers reach the sim (SIM_PUBLIC_URL) */
  simPublicUrl: string;
  /** the other sim processes' public URLs (SIM_OTHER_URLS): players are sent to their zone's owner */
  otherSimUrls?: readonly string[];
  /** the public URL is https: upgrade stray http loads too */
  https: boolean;
  /** `next dev`: React's dev build needs eval, hot reload needs a websocket to us */
  dev: boolean;
};

/** The sim's origin in both schemes Socket.IO uses: long-polling (http) and WebSocket (ws). */
export function simOrigins(simPublicUrl: string): string[] {
  const url = new URL(simPublicUrl);
  const secure = url.protocol === 'https:';
  return [`${url.protocol}//${url.host}`, `${secure ? 'wss' : 'ws'}://${url.host}`];
}

const quoted = (hashes: readonly string[]) => hashes.map((h) => `'${h}'`);

export function contentSecurityPolicy(o: CspOptions): string {
  // Next marks its own scripts with the nonce; 'strict-dynamic' lets them load chunks.
  // A prerendered page names its inline scripts by hash and loads chunks from 'self'.
  const scripts =
    'nonce' in o ? [`'nonce-${o.nonce}'`, "'strict-dynamic'"] : quoted(o.scriptHashes);
  const styles = 'nonce' in o ? [`'nonce-${o.nonce}'`] : quoted(o.styleHashes);
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...scripts, ...(o.dev ? ["'unsafe-eval'"] : [])],
    // stylesheets and <style> elements: ours only; style="" attributes (React's `style`
    // prop, used for bars, positions, colours) are allowed — they cannot run script
    ['style-src', "'self'", ...styles],
    ['style-src-attr', "'unsafe-inline'"],
    // the canvas draws from code; icons are SVG/data URLs
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    [
      'connect-src',
      "'self'",
      ...[o.simPublicUrl, ...(o.otherSimUrls ?? [])].flatMap(simOrigins),
      ...(o.dev ? ['ws:'] : []),
    ],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ['worker-src', "'self'", 'blob:'],
    ['manifest-src', "'self'"],
  ];
  if (o.https) directives.push(['upgrade-insecure-requests']);
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Two years, as the HSTS preload list asks; only sent when the public URL is https. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** Features the game never uses are off for us and anything we embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'fullscreen=(self)',
].join(', ');

/** Headers on every response (next.config.ts); CSP and HSTS come from proxy.ts. */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
