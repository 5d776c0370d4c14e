/**
 * The matcher's pure half for backfill tickets (docs/matchmaking.md "Backfill"): a
 * dungeon group inside lost a member before its boss fell, and its backfill ticket
 * takes the oldest solo ticket of the leaver's role whose level keeps the group
 * within the queue's spread. Backfills are served before new groups are formed:
 * that group is already waiting inside.
 */
import type { GroupQueueSpec } from '@necp/shared';
import type { ProposedMatch, QueueTicket } from './tickets';

const span = (levels: readonly number[]) => Math.max(...levels) - Math.min(...levels);

/** A solo of the slot's role whose level keeps the group within the spread (or its own, if wider). */
export function fillsBackfill(spec: GroupQueueSpec, slot: QueueTicket, solo: QueueTicket): boolean {
  const b = slot.backfill;
  const me = solo.members[0];
  if (!b || solo.backfill || solo.premade || solo.members.length !== 1 || !me) return false;
  if (me.role !== b.role) return false;
  if (b.levels.length === 0) return true;
  return span([...b.levels, me.level]) <= Math.max(spec.levelSpread, span(b.levels));
}

/** One proposal per backfill ticket that a solo can fill (oldest backfill, oldest solo first). */
export function backfillMatches(
  spec: GroupQueueSpec,
  tickets: readonly QueueTicket[],
): ProposedMatch[] {
  const taken = new Set<string>();
  const out: ProposedMatch[] = [];
  for (const slot of tickets) {
    if (!slot.backfill) continue;
    const solo = tickets.find((t) => !taken.has(t.id) && fillsBackfill(spec, slot, t));
    if (!solo) continue;
    taken.add(solo.id);
    out.push({ teams: [[slot, solo]] });
  }
  return out;
}
