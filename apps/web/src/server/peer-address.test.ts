import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';
import {
  installPeerAddressHook,
  isPeerAddressHookInstalled,
  PEER_ADDRESS_HEADER,
} from './peer-address';

process.env.DATABASE_URL ??= 'postgresql://unused/unused';
process.env.NEXTAUTH_SECRET ??= 'unit-test-secret-0123456789';
process.env.SIM_TICKET_SECRET ??= 'unit-test-secret-0123456789';

/** One request to a plain node server; resolves with the headers its handler saw. */
async function roundTrip(headers: Record<string, string>): Promise<Record<string, unknown>> {
  const server = createServer((req, res) => res.end(JSON.stringify(req.headers)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(JSON.parse(body) as Record<string, unknown>));
      })
        .on('error', reject)
        .end();
    });
  } finally {
    server.close();
  }
}

describe('the peer address hook', () => {
  it('refuses to name any client before it is installed', () => {
    expect(isPeerAddressHookInstalled()).toBe(false);
    expect(clientIp(new Headers({ [PEER_ADDRESS_HEADER]: '6.6.6.6' }))).toBe('unknown');
  });

  it('overwrites whatever the client put in the peer header with the socket address', async () => {
    installPeerAddressHook();
    const seen = await roundTrip({
      [PEER_ADDRESS_HEADER]: '6.6.6.6',
      'x-forwarded-for': '7.7.7.7',
    });
    expect(seen[PEER_ADDRESS_HEADER]).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    // TRUSTED_PROXY_HOPS defaults to 0: the peer, not the claim
    expect(clientIp(seen as Record<string, string>)).toBe('127.0.0.1');
  });
});
