/**
 * The connection's part of the game store: its status line, the ping, the zone the last
 * welcome named, and what ended the session (a kick, a fatal error). Written by the sim
 * link and the connection watch (net/), and by the client core on a welcome.
 */
import type { KickMsg } from '@necp/shared';
import type { Slice } from '../store/slice';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Something that ends the session until the player acts (not a kick). */
export interface FatalError {
  title: string;
  message: string;
  /** offer "try again" (false when retrying cannot help, e.g. deleted character) */
  retry: boolean;
  signIn?: boolean;
  /** offer "reload": this page's code is older than the server's */
  reload?: boolean;
}

export interface ConnectionSliceState {
  status: ConnectionStatus;
  pingMs: number | null;
  zone: { id: string; name: string } | null;
  kicked: KickMsg | null;
  fatal: FatalError | null;
}

export interface ConnectionSliceActions {
  /** the socket connected, or is trying (again) */
  connectionStatus: (status: ConnectionStatus) => void;
  /** the socket is gone (lost, closed, or left for another process): no ping until the next */
  connectionDropped: (status: Exclude<ConnectionStatus, 'connected'>) => void;
  /** a ping came back (null: none, or no answer in time: latency.ts) */
  pingMeasured: (pingMs: number | null) => void;
  /** a zone:welcome: the session is in `zone` */
  welcomed: (zone: { id: string; name: string }) => void;
  /** session:kicked (not zone_moved): the session ends here */
  kickedOut: (msg: KickMsg) => void;
  /** entering or connecting failed for good */
  connectionFailed: (fatal: FatalError) => void;
  /** the player tries again after a fatal error or a kick */
  connectionRetried: () => void;
}

export const connectionSlice: Slice<ConnectionSliceState & ConnectionSliceActions> = (set) => ({
  status: 'connecting',
  pingMs: null,
  zone: null,
  kicked: null,
  fatal: null,
  connectionStatus: (status) => set({ status }),
  connectionDropped: (status) => set({ status, pingMs: null }),
  pingMeasured: (pingMs) => set({ pingMs }),
  welcomed: (zone) => set({ zone, status: 'connected' }),
  kickedOut: (kicked) => set({ kicked, status: 'offline' }),
  connectionFailed: (fatal) => set({ status: 'offline', fatal }),
  connectionRetried: () => set({ fatal: null, kicked: null, status: 'connecting' }),
});
