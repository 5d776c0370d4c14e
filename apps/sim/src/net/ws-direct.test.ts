import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Server } from 'socket.io';
import { directWriter, wsBinaryFrame } from './ws-direct';

/** how long a wait below may take on a loaded machine (vi.waitFor) */
const SETTLE = { timeout: 5_000, interval: 10 };

/** engine.io's server-side socket, as the direct writer sees it */
interface EngineSocket {
  write(data: string | Buffer): void;
  writeBuffer: unknown[];
}

let http: HttpServer | undefined;
let io: Server | undefined;
let client: WebSocket | undefined;

afterEach(async () => {
  client?.close();
  await io?.close();
  http?.close();
  client = undefined;
  io = undefined;
  http = undefined;
});

/**
 * A Socket.IO server and a plain websocket client speaking engine.io 4 (what the
 * browser's transport sees): resolves with the server's engine socket and the
 * list the client's messages land in (text packets as strings, binary as bytes).
 */
async function connected(): Promise<{ conn: EngineSocket; got: (string | number[])[] }> {
  http = createServer();
  io = new Server(http, { transports: ['websocket'], perMessageDeflate: false });
  await new Promise<void>((r) => http!.listen(0, '127.0.0.1', r));
  const { port } = http.address() as AddressInfo;
  const serverSide = new Promise<EngineSocket>((r) => io!.engine.once('connection', r));
  const got: (string | number[])[] = [];
  client = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
  client.binaryType = 'arraybuffer';
  client.onmessage = (m: MessageEvent) => {
    got.push(typeof m.data === 'string' ? m.data : [...new Uint8Array(m.data as ArrayBuffer)]);
  };
  return { conn: await serverSide, got };
}

const bytes = (n: number, seed: number): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);

describe('writing binary messages straight onto the websocket', () => {
  it('arrives as the same binary messages as through engine.io, in order with its packets', async () => {
    const { conn, got } = await connected();
    const direct = directWriter(conn);
    await vi.waitFor(() => expect(got).toHaveLength(1), SETTLE); // engine.io's open packet
    conn.write('text-1');
    // engine.io's transport is busy with text-1 until the kernel takes it: text-2 waits in
    // its buffer, so a frame written now must not overtake it (the writer declines)
    conn.write('text-2');
    expect(conn.writeBuffer.length).toBe(1);
    expect(direct.write(bytes(3, 1))).toBe(false);
    conn.write(Buffer.from(bytes(3, 1)));
    await vi.waitFor(() => expect(got).toHaveLength(4), SETTLE);
    // nothing queued any more: direct frames of every header size, interleaved with packets
    const sizes = [0, 125, 126, 65_535, 65_536, 70_000];
    for (const [i, n] of sizes.entries()) {
      expect(direct.write(bytes(n, i))).toBe(true);
      if (i === 2) conn.write('text-3');
    }
    expect(direct.pending()).toBeGreaterThan(0);
    await vi.waitFor(() => expect(got).toHaveLength(4 + sizes.length + 1), SETTLE);
    expect(got[0]).toMatch(/^0\{"sid"/);
    expect(got.slice(1, 4)).toEqual(['4text-1', '4text-2', [...bytes(3, 1)]]);
    expect(got.slice(4)).toEqual([
      [...bytes(0, 0)],
      [...bytes(125, 1)],
      [...bytes(126, 2)],
      '4text-3',
      [...bytes(65_535, 3)],
      [...bytes(65_536, 4)],
      [...bytes(70_000, 5)],
    ]);
    await vi.waitFor(() => expect(direct.pending()).toBe(0), SETTLE);
  });

  it('declines once the connection is closed', async () => {
    const { conn, got } = await connected();
    const direct = directWriter(conn);
    await vi.waitFor(() => expect(got).toHaveLength(1), SETTLE);
    client!.close();
    await vi.waitFor(
      () => expect((conn as unknown as { readyState: string }).readyState).toBe('closed'),
      SETTLE,
    );
    expect(direct.write(bytes(4, 0))).toBe(false);
  });

  it('frames: header sizes at the 125/126 and 65,535/65,536 boundaries', () => {
    expect([...wsBinaryFrame(bytes(2, 0)).subarray(0, 2)]).toEqual([0x82, 2]);
    expect([...wsBinaryFrame(bytes(126, 0)).subarray(0, 4)]).toEqual([0x82, 126, 0, 126]);
    expect([...wsBinaryFrame(bytes(65_535, 0)).subarray(0, 4)]).toEqual([0x82, 126, 255, 255]);
    expect([...wsBinaryFrame(bytes(65_536, 0)).subarray(0, 10)]).toEqual([
      0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0,
    ]);
  });
});
