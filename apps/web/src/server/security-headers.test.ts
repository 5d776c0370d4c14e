import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, simOrigins, STATIC_SECURITY_HEADERS } from './security-headers';

const parse = (csp: string) =>
  new Map(
    csp.split('; ').map((d) => {
      const [name = '', ...values] = d.split(' ');
      return [name, values] as const;
    }),
  );

describe('Content-Security-Policy', () => {
  const prod = parse(
    contentSecurityPolicy({
      nonce: 'abc123==',
      simPublicUrl: 'https://sim.example.net:8443/',
      https: true,
      dev: false,
    }),
  );

  it('runs only nonced scripts, with no eval and no inline handlers', () => {
    expect(prod.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(prod.get('script-src')?.join(' ')).not.toMatch(/unsafe/);
    expect(prod.get('object-src')).toEqual(["'none'"]);
    expect(prod.get('base-uri')).toEqual(["'self'"]);
    expect(prod.get('frame-ancestors')).toEqual(["'none'"]);
    expect(prod.get('style-src')).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(prod.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(prod.has('upgrade-insecure-requests')).toBe(true);
  });

  it('a prerendered page runs only its own inline scripts (by hash) and our chunks', () => {
    const csp = parse(
      contentSecurityPolicy({
        scriptHashes: ['sha256-AAA=', 'sha256-BBB='],
        styleHashes: [],
        simPublicUrl: 'https://sim.example.net',
        https: true,
        dev: false,
      }),
    );
    expect(csp.get('script-src')).toEqual(["'self'", "'sha256-AAA='", "'sha256-BBB='"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')?.join(' ')).not.toMatch(/unsafe/);
    expect([...csp.values()].flat().join(' ')).not.toMatch(/nonce/);
  });

  it('connects only to us and to the sim, over http(s) and ws(s)', () => {
    expect(prod.get('connect-src')).toEqual([
      "'self'",
      'https://sim.example.net:8443',
      'wss://sim.example.net:8443',
    ]);
    expect(simOrigins('http://localhost:3001')).toEqual([
      'http://localhost:3001',
      'ws://localhost:3001',
    ]);
  });

  it('connects to every sim process of the deployment when there are several', () => {
    const csp = parse(
      contentSecurityPolicy({
        nonce: 'n',
        simPublicUrl: 'https://sim-1.example.net',
        otherSimUrls: ['https://sim-2.example.net:8443'],
        https: true,
        dev: false,
      }),
    );
    expect(csp.get('connect-src')).toEqual([
      "'self'",
      'https://sim-1.example.net',
      'wss://sim-1.example.net',
      'https://sim-2.example.net:8443',
      'wss://sim-2.example.net:8443',
    ]);
  });

  it('relaxes only what next dev needs, and never upgrades plain-http deployments', () => {
    const dev = parse(
      contentSecurityPolicy({
        nonce: 'n',
        simPublicUrl: 'http://localhost:3001',
        https: false,
        dev: true,
      }),
    );
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    expect(dev.has('upgrade-insecure-requests')).toBe(false);
  });
});

describe('static security headers', () => {
  it('include COOP, Permissions-Policy and the anti-framing/sniffing headers', () => {
    const h = new Map(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value]));
    expect(h.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(h.get('Permissions-Policy')).toMatch(/camera=\(\)/);
    expect(h.get('X-Frame-Options')).toBe('DENY');
    expect(h.get('X-Content-Type-Options')).toBe('nosniff');
  });
});
