/**
 * Where a confirmed match's instance runs: on the least loaded live sim process
 * (docs/instances.md). This process opens it itself when it is that one (or when
 * there is no Redis: it is the only one); otherwise it asks that process through
 * the Socket.IO adapter and waits for the instance to appear in PostgreSQL — if it
 * does not (that process died meanwhile), it opens it here.
 */
import { instanceZoneId, templateForMatch } from '@necp/shared';
import {
  findInstance,
  findInstanceOfMatch,
  awaitZoneOwner,
  SimLoadRegistry,
  type ConfirmedMatch,
  type GameDeps,
  type Log,
} from '@necp/game';
import type { MatchLauncher } from '../matchmaking/match-launcher';
import type { SimIo } from '../net/types';
import { repeat } from '../timers/repeat';
import type { InstanceHost } from './instance-host';

/**
 * How long the chosen process has to take the instance's lease and open it before this
 * one does; once it holds the lease it is opening it (a loaded machine can take longer),
 * and is waited for as long as it keeps the lease.
 */
export const REMOTE_OPEN_WAIT_MS = 5_000;
const POLL_MS = 200;

export interface InstanceLauncherOptions {
  deps: Pick<GameDeps, 'db' | 'redis'>;
  log: Log;
  io: SimIo;
  host: InstanceHost;
  /** this process's zone-lease owner id */
  ownerId: string;
  /** this process's URL and load now (its published load entry may be 2 s old) */
  self?: () => { url: string; players: number; instances: number };
  /** REMOTE_OPEN_WAIT_MS (tests) */
  remoteOpenWaitMs?: number;
}

export function instanceLauncher(o: InstanceLauncherOptions): MatchLauncher {
  const loads = o.deps.redis ? new SimLoadRegistry(o.deps.redis, o.log) : undefined;
  const openHere = async (matchId: string, open: () => Promise<boolean>) => {
    if (!(await open())) throw new Error(`instance of match ${matchId} could not be opened`);
  };
  return {
    async launch(match) {
      // a solo who filled a dungeon's backfill joins it where it runs
      if (match.backfill) return joinBackfill(o, match);
      const now = Date.now();
      const self = o.self ? { ownerId: o.ownerId, ...o.self(), at: now } : undefined;
      const live = loads ? await loads.live(now, self).catch(() => []) : [];
      const target = live[0]?.ownerId ?? o.ownerId;
      if (target === o.ownerId) return openHere(match.matchId, () => o.host.open(match));
      o.io.serverSideEmit('instance:open', target, match);
      if (await openedElsewhere(o, match)) {
        o.log.info({ matchId: match.matchId, host: target }, 'instance opened elsewhere');
        return;
      }
      o.log.warn({ matchId: match.matchId, host: target }, 'chosen host did not open the instance');
      return openHere(match.matchId, () => o.host.open(match));
    },
  };
}

/**
 * Whether the process asked to open the match's instance did: its row appeared in
 * PostgreSQL. False when it did not within the wait and nobody holds the instance's
 * lease (it died, or never got the message): this process opens it then. While the
 * lease is held the opener is alive and still at it — opening here would fail on the
 * lease and release a match whose instance then opens anyway.
 */
async function openedElsewhere(o: InstanceLauncherOptions, match: ConfirmedMatch) {
  const template = templateForMatch(match.kind);
  const zoneId = template && instanceZoneId(template.content.id, match.matchId);
  const deadline = Date.now() + (o.remoteOpenWaitMs ?? REMOTE_OPEN_WAIT_MS);
  for (;;) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    if (await findInstanceOfMatch(o.deps, match.matchId)) return true;
    if (Date.now() < deadline) continue;
    if (!zoneId || !o.deps.redis || !(await awaitZoneOwner(o.deps.redis, zoneId))) return false;
  }
}

/**
 * A confirmed backfill: the dungeon's host adds the solo — this process when it runs
 * it, else the one that does (through the adapter). An instance no longer open
 * throws: the match is released and the solo told it could not start.
 */
async function joinBackfill(o: InstanceLauncherOptions, match: ConfirmedMatch): Promise<void> {
  const instanceId = match.backfill!.instanceId;
  if (o.host.has(instanceId)) {
    await o.host.addBackfill(match);
    return;
  }
  const row = await findInstance(o.deps, instanceId);
  if (row?.state !== 'open' || !o.deps.redis)
    throw new Error(`backfill of instance ${instanceId}, which is not open`);
  o.io.serverSideEmit('instance:backfill', match);
}

/** Every few seconds this process tells the others how busy it is (SimLoadRegistry). */
export function publishSimLoad(o: {
  deps: GameDeps;
  log: Log;
  ownerId: string;
  url: string;
  load: () => { players: number; instances: number };
  everyMs?: number;
}): () => Promise<void> {
  if (!o.deps.redis) return () => Promise.resolve();
  const registry = new SimLoadRegistry(o.deps.redis, o.deps.log);
  const publish = () =>
    registry.publish({ ownerId: o.ownerId, url: o.url, ...o.load(), at: Date.now() });
  publish().catch((err: unknown) => o.log.error({ err }, 'publishing the sim load failed'));
  const loop = repeat(o.everyMs ?? 2_000, publish, { log: o.log, what: 'publishing the sim load' });
  return async () => {
    await loop.stop();
    await registry.remove(o.ownerId).catch(() => undefined);
  };
}
