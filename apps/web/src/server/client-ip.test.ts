import { describe, expect, it } from 'vitest';
import { normalizeIp, resolveClientIp } from './client-ip';

describe('client address (TRUSTED_PROXY_HOPS)', () => {
  it('with 0 hops is the TCP peer, whatever X-Forwarded-For claims', () => {
    for (const forwardedFor of [undefined, '6.6.6.6', '6.6.6.6, 7.7.7.7', 'garbage'])
      expect(resolveClientIp({ peer: '198.51.100.4', forwardedFor, hops: 0 })).toBe('198.51.100.4');
  });

  it('with N hops is the N-th entry from the right; entries the client prepends are ignored', () => {
    // client 203.0.113.7 → proxy A (appends the client) → proxy B (appends A) → us
    const honest = '203.0.113.7, 10.0.0.2';
    expect(resolveClientIp({ peer: '10.0.0.3', forwardedFor: honest, hops: 2 })).toBe(
      '203.0.113.7',
    );
    expect(resolveClientIp({ peer: '10.0.0.3', forwardedFor: honest, hops: 1 })).toBe('10.0.0.2');
    // the client sent its own X-Forwarded-For: the proxies append after it
    const spoofed = '6.6.6.6, 1.2.3.4, 203.0.113.7, 10.0.0.2';
    expect(resolveClientIp({ peer: '10.0.0.3', forwardedFor: spoofed, hops: 2 })).toBe(
      '203.0.113.7',
    );
    // one proxy: the right-most entry, so rotating the left ones changes nothing
    for (const claim of ['1.1.1.1', '2.2.2.2', '3.3.3.3, 4.4.4.4'])
      expect(
        resolveClientIp({ peer: '10.0.0.2', forwardedFor: `${claim}, 203.0.113.7`, hops: 1 }),
      ).toBe('203.0.113.7');
  });

  it('reads several X-Forwarded-For headers as one list (joined with commas)', () => {
    expect(
      resolveClientIp({ peer: '10.0.0.2', forwardedFor: '6.6.6.6,203.0.113.7', hops: 1 }),
    ).toBe('203.0.113.7');
  });

  it('falls back to the peer when fewer entries than hops arrived (the chain was bypassed)', () => {
    expect(resolveClientIp({ peer: '198.51.100.4', forwardedFor: undefined, hops: 1 })).toBe(
      '198.51.100.4',
    );
    expect(resolveClientIp({ peer: '198.51.100.4', forwardedFor: '6.6.6.6', hops: 2 })).toBe(
      '198.51.100.4',
    );
  });

  it('turns anything that is not an IP into "unknown" and unmaps IPv4-mapped IPv6', () => {
    expect(
      resolveClientIp({ peer: '10.0.0.2', forwardedFor: 'evil\u0000, not-an-ip', hops: 1 }),
    ).toBe('unknown');
    expect(resolveClientIp({ peer: undefined, forwardedFor: undefined, hops: 0 })).toBe('unknown');
    expect(normalizeIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeIp(' 2001:DB8::1 ')).toBe('2001:db8::1');
    expect(normalizeIp('203.0.113.7:443')).toBe('unknown');
  });
});
