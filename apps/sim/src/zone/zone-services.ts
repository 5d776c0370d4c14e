/**
 * The database side of a zone whose fights pay: its DbCombatSink (kill awards —
 * XP, loot under the party's loot mode, need/greed rolls —, deaths, the combat log,
 * wear), its AreaNotices and its ZoneLoot (drops loaded and swept). Every open-world
 * zone gets them (server.ts), and so does a dungeon instance (InstanceHost), so a
 * kill pays the same wherever it happens.
 */
import type { GameDeps, Log } from '@necp/game';
import { AreaNotices } from '../areas/area-notices';
import { DbCombatSink } from '../outcomes/db-combat-sink';
import type { LocatePlayer } from '../outcomes/refresh-stats';
import type { PushSink } from '@necp/shared';
import { ZoneLoot } from '../loot/zone-loot';
import type { Zone } from './zone';

export interface ZoneServices {
  /** each zone's database side of combat, by zone id */
  readonly combat: Map<string, DbCombatSink>;
  /** each zone's area entries, by zone id */
  readonly areas: Map<string, AreaNotices>;
  /** each zone's drops and crates, by zone id (the loot handlers find them here) */
  readonly loot: Map<string, ZoneLoot>;
  /** attaches the services to a new zone (before its first tick); resolves to the drops it shows */
  attach(zone: Zone): Promise<number>;
  /** the zone stopped: waits for its pending database work and forgets its services */
  detach(zoneId: string): Promise<void>;
}

export function zoneServices(o: {
  deps: GameDeps;
  log: Log;
  /** where a character paid for a fight is now (any zone of this process) */
  locate: LocatePlayer;
  /** party loot news (net/push-dispatcher.ts) */
  push: PushSink;
  /**
   * how often (clock ms) a zone destroys its expired drops (default DROP_SWEEP_MS; 0: never —
   * test sims, which share one database and a zone id but not a clock: one far ahead would
   * destroy the drops another test just made)
   */
  dropSweepMs?: number;
}): ZoneServices {
  const combat = new Map<string, DbCombatSink>();
  const areas = new Map<string, AreaNotices>();
  const loot = new Map<string, ZoneLoot>();
  return {
    combat,
    areas,
    loot,
    async attach(zone) {
      const sink = new DbCombatSink(o.deps, zone, o.log, o.locate, o.push);
      sink.start();
      const notices = new AreaNotices(o.deps, zone.id, o.log.child({ zone: zone.id }));
      notices.start(zone);
      const zoneLoot = new ZoneLoot(o.deps, zone, o.log);
      // drops survive a restart: show them before the first player can arrive
      const drops = await zoneLoot.load();
      zoneLoot.start(o.dropSweepMs);
      combat.set(zone.id, sink);
      areas.set(zone.id, notices);
      loot.set(zone.id, zoneLoot);
      return drops;
    },
    async detach(zoneId) {
      await loot.get(zoneId)?.idle();
      await combat.get(zoneId)?.drain();
      await areas.get(zoneId)?.flush();
      loot.delete(zoneId);
      combat.delete(zoneId);
      areas.delete(zoneId);
    },
  };
}
