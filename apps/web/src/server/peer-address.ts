/**
 * The TCP peer's address for route handlers. Next's route handlers never see the
 * socket, and `next start` only fills X-Forwarded-For from it when the client sent
 * none (`??=` in base-server), so the header alone cannot tell a client's claim from
 * the socket. instrumentation.ts installs this hook before the first request: every
 * HTTP request's PEER_ADDRESS_HEADER is overwritten with the socket's address, so a
 * client cannot supply it. client-ip.ts reads it, and refuses to when the hook is not
 * installed in this process.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

export const PEER_ADDRESS_HEADER = 'x-necp-peer-address';

const INSTALLED = Symbol.for('necp.peerAddressHook');
type Flagged = { [INSTALLED]?: true };

export function isPeerAddressHookInstalled(): boolean {
  return (globalThis as Flagged)[INSTALLED] === true;
}

export function installPeerAddressHook(): void {
  if (isPeerAddressHookInstalled()) return;
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit as (
      this: unknown,
      event: string | symbol,
      ...args: unknown[]
    ) => boolean;
    // 'request' is emitted by node's HTTP parser for every request on every server of
    // this process, before any listener (Next's router) runs
    proto.emit = function emitWithPeer(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') {
        const req = args[0] as IncomingMessage;
        req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
      }
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
  }
  (globalThis as Flagged)[INSTALLED] = true;
}
