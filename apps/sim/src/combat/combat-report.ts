import type { CombatEvent, CombatLogKind } from '@necp/shared';
import type { CombatLogRow } from '@necp/game';
import { actorOf, type Fighter } from './fighter';

/**
 * How a zone's combat is told: events for this tick's snapshots (taken by the
 * zone) and rows for the persistent combat log (handed to `logRow` at once).
 */
export class CombatReport {
  private events: CombatEvent[] = [];

  constructor(
    private readonly zoneId: string,
    private readonly logRow: ((row: CombatLogRow) => void) | undefined,
  ) {}

  emit(e: CombatEvent): void {
    this.events.push(e);
  }

  /** The events since the last call. */
  take(): CombatEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  log(
    kind: CombatLogKind,
    source: Fighter | undefined,
    target: Fighter,
    now: number,
    extra: Partial<CombatLogRow>,
  ): void {
    if (!this.logRow) return;
    const t = actorOf(target);
    this.logRow({
      at: new Date(now),
      zoneId: this.zoneId,
      kind,
      ...actorOf(source),
      targetKind: t.sourceKind,
      targetId: t.sourceId,
      targetName: t.sourceName,
      ...extra,
    });
  }
}
