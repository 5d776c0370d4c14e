import type { Socket as TcpSocket } from 'node:net';

/**
 * Writes binary engine.io messages straight onto a websocket's TCP socket.
 *
 * Why: a snapshot is one binary engine.io "message" packet, which on the
 * websocket transport (protocol 4) is the bare payload in one binary frame. Going
 * through engine.io (packet object, writeBuffer, flush and drain events), its ws
 * transport and ws's Sender (frame header, cork, two-chunk `writev`, callbacks)
 * was about as much CPU per frame as the syscall itself (docs/perf.md). Here a
 * frame is one buffer (header + payload) and one `write`.
 *
 * Order with everything else engine.io sends is kept: the direct path is taken
 * only when engine.io holds nothing unsent (anything it handed to ws is already
 * in the TCP socket, ahead of this frame) and ws's Sender has nothing queued;
 * otherwise the caller falls back to engine.io's own `write`.
 */

/** The parts of engine.io's Socket and ws's WebSocket this relies on (not in their typings). */
interface EngineConn {
  readyState: string;
  writeBuffer: unknown[];
  transport: {
    name: string;
    socket?: {
      readyState: number;
      _socket?: TcpSocket;
      _sender?: { _queue?: unknown[]; _state?: number };
    };
  };
}

const WS_OPEN = 1;
/** FIN + binary opcode */
const FIN_BINARY = 0x82;

export interface DirectWriter {
  /** true: written (or the socket is gone); false: use engine.io's path */
  write(payload: Uint8Array): boolean;
  /** frames written directly that the kernel has not taken yet */
  pending(): number;
}

export function directWriter(conn: unknown): DirectWriter {
  const c = conn as EngineConn;
  let pending = 0;
  const written = (): void => {
    pending--;
  };
  return {
    pending: () => pending,
    write(payload) {
      const t = c.transport;
      const ws = t.name === 'websocket' ? t.socket : undefined;
      const tcp = ws?._socket;
      const sender = ws?._sender;
      if (
        !ws ||
        !tcp ||
        !sender ||
        c.readyState !== 'open' ||
        ws.readyState !== WS_OPEN ||
        c.writeBuffer.length > 0 ||
        (sender._queue?.length ?? 0) > 0 ||
        (sender._state ?? 0) !== 0 ||
        tcp.destroyed
      )
        return false;
      const frame = wsBinaryFrame(payload);
      pending++;
      tcp.write(frame, written);
      return true;
    },
  };
}

/** An unmasked (server → client) binary websocket frame holding `payload`, as one buffer. */
export function wsBinaryFrame(payload: Uint8Array): Buffer {
  const n = payload.byteLength;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const buf = Buffer.allocUnsafe(head + n);
  buf[0] = FIN_BINARY;
  if (head === 2) buf[1] = n;
  else if (head === 4) {
    buf[1] = 126;
    buf.writeUInt16BE(n, 2);
  } else {
    buf[1] = 127;
    buf.writeUInt32BE(0, 2);
    buf.writeUInt32BE(n, 6);
  }
  buf.set(payload, head);
  return buf;
}
