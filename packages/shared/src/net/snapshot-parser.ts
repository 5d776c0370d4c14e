/**
 * The socket.io-client parser that lets a snapshot travel as ONE binary
 * websocket frame. Socket.IO's own binary path sends two frames per emit (a
 * text packet with a placeholder, then the attachment); the sim instead writes
 * the snapshot bytes straight onto the engine.io connection (`socket.conn.write`)
 * and this decoder turns such a frame (first byte SNAPSHOT_MAGIC, while no
 * Socket.IO binary packet is being reassembled) back into an ordinary
 * `zone:snapshot` event carrying the bytes. Everything else — acks, other events,
 * rooms — goes through the stock parser unchanged.
 *
 * Use: `io(url, { parser: snapshotParser })` (web, bench, sim tests).
 */
import * as stock from 'socket.io-parser';
import { SNAPSHOT_MAGIC, asBytes } from './snapshot-codec';

export const SNAPSHOT_EVENT = 'zone:snapshot';

class SnapshotAwareDecoder extends stock.Decoder {
  override add(obj: unknown): void {
    const bytes = typeof obj === 'string' ? null : asBytes(obj);
    const reassembling = (this as unknown as { reconstructor: unknown }).reconstructor;
    if (bytes && !reassembling && bytes[0] === SNAPSHOT_MAGIC) {
      this.emitReserved('decoded', {
        type: stock.PacketType.EVENT,
        nsp: '/',
        data: [SNAPSHOT_EVENT, bytes],
      });
      return;
    }
    super.add(obj);
  }
}

export const snapshotParser = {
  protocol: stock.protocol,
  Encoder: stock.Encoder,
  Decoder: SnapshotAwareDecoder,
};
