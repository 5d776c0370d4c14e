/**
 * The one place the client hears the sim's pushes. Every server event but the binary
 * snapshot is parsed here with its schema (SERVER_EVENT_SCHEMAS, packages/shared
 * net/server-events.ts) before any feature sees it: a handler gets a parsed, typed
 * message, and a push this build cannot read is dropped — told once per event on the
 * console in development — never thrown into a feature. Each event is parsed once per
 * message however many features listen to it. A listener that cannot go on without its
 * push (the welcome: no world, nothing to play) says so with `unreadable`, and hears of
 * one that did not parse.
 *
 * Cost: no push is a per-tick stream. They are per-player news (the welcome,
 * invitations, status changes) or a few a second at most: arena:state every
 * ARENA_STATE_MS (0.5 s, ≤ 6 members), party:vitals every PARTY_VITALS_MS (1 s, per sim
 * holding members). The 20 Hz world stream is the binary zone:snapshot, read by
 * SnapshotReader and not parsed here.
 */
import { SERVER_EVENT_SCHEMAS, type ServerEvent, type ServerEventMsg } from '@necp/shared';
import type { Socket } from 'socket.io-client';
import type { z } from 'zod';
import type { SimSocket } from './sim-socket';

export type PushHandler<E extends ServerEvent> = (msg: ServerEventMsg<E>) => void;

/** How a listener hears its event. */
export interface PushOptions {
  /** a push of this event did not parse (it is dropped all the same, after the bad-push hook) */
  unreadable?: (error: z.ZodError) => void;
}

/** What the features listen to (net/socket-feature.ts): the pushes of one socket, parsed. */
export interface Pushes {
  on<E extends ServerEvent>(event: E, handler: PushHandler<E>, options?: PushOptions): void;
}

/** Told of a push that did not parse (dropped). */
export type BadPush = (event: ServerEvent, error: z.ZodError) => void;

/** Warns once per event name (development builds only: production drops quietly). */
export function warnOncePerEvent(warn: (...args: unknown[]) => void = console.warn): BadPush {
  const told = new Set<ServerEvent>();
  return (event, error) => {
    if (process.env.NODE_ENV === 'production' || told.has(event)) return;
    told.add(event);
    warn(`Dropped an unreadable ${event} push (told once per event).`, error.issues);
  };
}

const warnBadPush = warnOncePerEvent();

/** An event's listeners: what hears its pushes, and what hears of one that did not parse. */
interface Listeners {
  handlers: ((msg: unknown) => void)[];
  unreadable: ((error: z.ZodError) => void)[];
}

/**
 * The pushes of `socket`: one socket listener per event heard, which parses each
 * message and hands it to that event's handlers in the order they were added (one that
 * does not parse: to `bad`, then to the `unreadable` of each listener that gave one).
 */
export function receivePushes(socket: SimSocket, bad: BadPush = warnBadPush): Pushes {
  // SimSocket's type lists no push (sim-socket.ts): only this file listens to them
  const raw = socket as unknown as Socket;
  const listeners = new Map<ServerEvent, Listeners>();
  return {
    on(event, handler, options) {
      let those = listeners.get(event);
      if (!those) {
        const heard: Listeners = { handlers: [], unreadable: [] };
        listeners.set(event, heard);
        those = heard;
        const schema: z.ZodType = SERVER_EVENT_SCHEMAS[event];
        raw.on(event as string, (msg: unknown) => {
          const parsed = schema.safeParse(msg);
          if (parsed.success) for (const h of heard.handlers) h(parsed.data);
          else {
            bad(event, parsed.error);
            for (const u of heard.unreadable) u(parsed.error);
          }
        });
      }
      those.handlers.push(handler as (msg: unknown) => void);
      if (options?.unreadable) those.unreadable.push(options.unreadable);
    },
  };
}
