/**
 * The matcher's pure half: given a queue's tickets (oldest first) and the time,
 * which matches to propose. The oldest ticket still waiting anchors each search, so
 * nobody is starved by later arrivals. Proposals are only proposals: the store's
 * claim decides, and one that lost a race to another process is simply dropped.
 */
import {
  DEFAULT_GLICKO2_RATING,
  QUEUE_SPECS,
  levelBand,
  ratingWindow,
  rolesFit,
  type ArenaQueueSpec,
  type GroupQueueSpec,
  type GroupRole,
  type QueueId,
} from '@necp/shared';
import { backfillMatches } from './backfill-matches';
import { pickTickets } from './pick-tickets';
import type { ProposedMatch, QueueTicket } from './tickets';

/** Tickets one anchor considers (the closest in rating, or the oldest). */
export const CANDIDATES_PER_ANCHOR = 60;

export function findMatches(
  queue: QueueId,
  tickets: readonly QueueTicket[],
  nowMs: number,
): ProposedMatch[] {
  // tickets of two level bands never meet (queue-levels.ts): each band is matched on its own
  const bands = new Map<number, QueueTicket[]>();
  for (const t of tickets) {
    if (t.queue !== queue) continue;
    const band = levelBand(queue, t.backfill ? t.backfill.levels : t.members.map((m) => m.level));
    bands.set(band, [...(bands.get(band) ?? []), t]);
  }
  return [...bands.values()].flatMap((mine) => matchBand(queue, mine, nowMs));
}

/** The matches of one level band's tickets (oldest first). */
function matchBand(queue: QueueId, mine: readonly QueueTicket[], nowMs: number): ProposedMatch[] {
  const spec = QUEUE_SPECS[queue];
  if (spec.kind === 'arena') return arenaMatches(spec, mine, nowMs);
  // groups already inside first: their backfill tickets take a solo each (backfill-matches.ts)
  const fills = backfillMatches(spec, mine);
  const taken = new Set(fills.flatMap((p) => p.teams.flat().map((t) => t.id)));
  return [
    ...fills,
    ...groupMatches(
      spec,
      mine.filter((t) => !t.backfill && !taken.has(t.id)),
    ),
  ];
}

const size = (ts: readonly QueueTicket[]) => ts.reduce((n, t) => n + t.members.length, 0);
const ratingOf = (t: QueueTicket) => t.rating ?? DEFAULT_GLICKO2_RATING.rating;

/** Mean member rating of a side (a ticket's rating is its members' mean). */
const sideRating = (ts: readonly QueueTicket[]) =>
  ts.reduce((s, t) => s + ratingOf(t) * t.members.length, 0) / size(ts);

function arenaMatches(spec: ArenaQueueSpec, tickets: readonly QueueTicket[], nowMs: number) {
  const n = spec.teamSize;
  const window = (t: QueueTicket) => ratingWindow(nowMs - t.enqueuedAt);
  // both must accept: a newcomer is not thrown at someone 600 points away just because that one waited
  const accepts = (a: QueueTicket, b: QueueTicket) =>
    Math.abs(ratingOf(a) - ratingOf(b)) <= Math.min(window(a), window(b));
  return anchoredSearch(tickets, (anchor, free) => {
    const candidates = free
      .filter((t) => t.members.length <= n && accepts(anchor, t))
      .sort(
        (a, b) =>
          Math.abs(ratingOf(a) - ratingOf(anchor)) - Math.abs(ratingOf(b) - ratingOf(anchor)) ||
          a.enqueuedAt - b.enqueuedAt,
      )
      .slice(0, CANDIDATES_PER_ANCHOR);
    const picked = pickTickets(
      anchor,
      candidates,
      (chosen, next) =>
        size(chosen) + next.members.length <= 2 * n && chosen.every((c) => accepts(c, next)),
      (chosen) => size(chosen) === 2 * n && splitTeams(chosen, n) !== null,
    );
    return picked ? splitTeams(picked, n) : null;
  });
}

/**
 * Two sides of `n` members each, whole tickets only (a party stays together),
 * as even in rating as the tickets allow. Null when the sizes cannot split
 * (three parties of two for 3v3).
 */
export function splitTeams(tickets: readonly QueueTicket[], n: number): QueueTicket[][] | null {
  let best: { teams: QueueTicket[][]; gap: number } | null = null;
  // masks holding ticket 0 only: each split is met once
  for (let mask = 1; mask < 1 << tickets.length; mask += 2) {
    const a = tickets.filter((_, i) => mask & (1 << i));
    const b = tickets.filter((_, i) => !(mask & (1 << i)));
    if (size(a) !== n || size(b) !== n) continue;
    const gap = Math.abs(sideRating(a) - sideRating(b));
    if (!best || gap < best.gap) best = { teams: [a, b], gap };
  }
  return best?.teams ?? null;
}

const rolesOf = (ts: readonly QueueTicket[]): GroupRole[] =>
  ts.flatMap((t) => t.members.map((m) => m.role ?? 'damage'));
const levelsOf = (ts: readonly QueueTicket[]) => ts.flatMap((t) => t.members.map((m) => m.level));
const span = (levels: readonly number[]) => Math.max(...levels) - Math.min(...levels);

function groupMatches(spec: GroupQueueSpec, tickets: readonly QueueTicket[]) {
  const need = spec.composition.tank + spec.composition.damage + spec.composition.support;
  // a premade party's own level span is allowed as it is; solos around it stay within it
  const levelsFit = (ts: readonly QueueTicket[]) =>
    span(levelsOf(ts)) <= Math.max(spec.levelSpread, ...ts.map((t) => span(levelsOf([t]))));
  const fits = (chosen: readonly QueueTicket[], next: QueueTicket) =>
    rolesFit(rolesOf([...chosen, next]), spec.composition) && levelsFit([...chosen, next]);
  return anchoredSearch(tickets, (anchor, free) => {
    // a premade party goes in alone, and is never used to fill another group
    if (anchor.premade) return [[anchor]];
    const candidates = free
      .filter((t) => !t.premade && fits([anchor], t))
      .slice(0, CANDIDATES_PER_ANCHOR);
    // not enough of some role anywhere: skip the search
    const supply = rolesOf([anchor, ...candidates]);
    const short = (['tank', 'damage', 'support'] as const).some(
      (r) => supply.filter((x) => x === r).length < spec.composition[r],
    );
    if (short) return null;
    const picked = pickTickets(anchor, candidates, fits, (chosen) => size(chosen) === need);
    return picked ? [picked] : null;
  });
}

/** Anchors on each waiting ticket, oldest first; a formed match's tickets are taken. */
function anchoredSearch(
  tickets: readonly QueueTicket[],
  search: (anchor: QueueTicket, free: QueueTicket[]) => QueueTicket[][] | null,
): ProposedMatch[] {
  const taken = new Set<string>();
  const out: ProposedMatch[] = [];
  for (const anchor of tickets) {
    if (taken.has(anchor.id)) continue;
    const free = tickets.filter((t) => t.id !== anchor.id && !taken.has(t.id));
    const teams = search(anchor, free);
    if (!teams) continue;
    for (const t of teams.flat()) taken.add(t.id);
    out.push({ teams });
  }
  return out;
}
