/**
 * A stand-in socket for tests of what hears the sim: `emit` plays a push as the sim
 * would send it (anything, malformed too), through the real push receiver, so a
 * feature's handler sees only what parsed; `dropped` lists what did not.
 */
import type { ServerEvent } from '@necp/shared';
import { receivePushes, type Pushes } from '../net/push-receiver';
import type { SimSocket } from '../net/sim-socket';

export interface StandInPushes {
  pushes: Pushes;
  /** the socket under the pushes (for what also sends commands or listens to `connect`) */
  socket: SimSocket;
  emit: (event: string, msg: unknown) => void;
  /** events whose push was dropped as unreadable, in order */
  dropped: ServerEvent[];
}

export function standInPushes(extra: Record<string, unknown> = {}): StandInPushes {
  const listeners = new Map<string, ((msg: unknown) => void)[]>();
  const socket = {
    ...extra,
    on: (event: string, fn: (msg: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), fn]);
      return socket;
    },
  } as unknown as SimSocket;
  const dropped: ServerEvent[] = [];
  const pushes = receivePushes(socket, (event) => dropped.push(event));
  const emit = (event: string, msg: unknown) => {
    for (const fn of listeners.get(event) ?? []) fn(msg);
  };
  return { pushes, socket, emit, dropped };
}
