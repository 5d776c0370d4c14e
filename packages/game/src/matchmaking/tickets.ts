/**
 * What the queues hold: a ticket (a solo player, or a party its leader queued, kept
 * together), and a match formed from tickets, which waits for its ready check.
 * Plain JSON-safe data: the Redis store keeps them as JSON.
 */
import type { ArenaBracket, GroupRole, MatchKind, QueueId } from '@necp/shared';

export interface TicketMember {
  characterId: string;
  name: string;
  level: number;
  /** dungeon and raid: the role chosen at queue time */
  role: GroupRole | null;
  /** arena: the member's rating in the bracket when queued */
  rating: number | null;
}

export interface QueueTicket {
  id: string;
  queue: QueueId;
  /** who queued it: the solo player or the party's leader */
  leaderId: string;
  partyId: string | null;
  members: TicketMember[];
  /** arena: the members' mean rating (a party queues with its combined rating) */
  rating: number | null;
  /** epoch ms; kept when a dissolved ready check puts the ticket back */
  enqueuedAt: number;
  /** dungeon and raid: a party that goes in as it is, never filled up nor used to fill */
  premade?: boolean;
  /** a place in a group already inside (members: none); only a solo of its role fills it */
  backfill?: BackfillSlot;
}

/**
 * A backfill ticket's place (docs/matchmaking.md "Backfill"): a dungeon group
 * already inside lost a member before its boss fell; one solo of `role` whose
 * level keeps the group within the queue's spread takes it. The ticket has no
 * members of its own (nobody is "queued" by it).
 */
export interface BackfillSlot {
  /** the group's confirmed match and its instance (zone id) */
  matchId: string;
  instanceId: string;
  role: GroupRole;
  /** the levels of the members still in the group */
  levels: number[];
}

/** A formed match as claimed from the queue: immutable until it is dissolved or released. */
export interface MatchRecord {
  id: string;
  queue: QueueId;
  kind: MatchKind;
  bracket: ArenaBracket | null;
  /** the tickets, team by team (dungeon and raid: one team) */
  teams: QueueTicket[][];
  formedAt: number;
  /** epoch ms the ready check ends */
  deadline: number;
}

export type MatchPhase = 'pending' | 'confirmed';

/** A match with its ready-check progress. */
export interface MatchState extends MatchRecord {
  phase: MatchPhase;
  /** character ids that accepted */
  accepted: string[];
}

/** What the sim needs to create the instance once everyone accepted. */
export interface ConfirmedMatch {
  matchId: string;
  queue: QueueId;
  kind: MatchKind;
  bracket: ArenaBracket | null;
  /** character ids, team by team */
  teams: string[][];
  /** dungeon and raid: each member's role, chosen at queue time (a backfill asks for the leaver's) */
  roles?: Record<string, GroupRole>;
  /** a solo who filled a backfill ticket: they join `instanceId` instead of opening an instance */
  backfill?: BackfillSlot & { ticketId: string };
}

export const ticketsOf = (m: MatchRecord): QueueTicket[] => m.teams.flat();
export const memberIdsOf = (t: QueueTicket): string[] => t.members.map((x) => x.characterId);
export const matchMemberIds = (m: MatchRecord): string[] => ticketsOf(m).flatMap(memberIdsOf);

export const confirmedMatch = (m: MatchRecord): ConfirmedMatch => ({
  matchId: m.id,
  queue: m.queue,
  kind: m.kind,
  bracket: m.bracket,
  teams: m.teams.map((team) => team.flatMap(memberIdsOf)),
  ...groupExtras(m),
});

/** The roles of a dungeon or raid match, and the backfill ticket a solo filled. */
function groupExtras(m: MatchRecord): Pick<ConfirmedMatch, 'roles' | 'backfill'> {
  if (m.kind === 'arena') return {};
  const roles: Record<string, GroupRole> = {};
  for (const t of ticketsOf(m))
    for (const x of t.members) if (x.role) roles[x.characterId] = x.role;
  const slot = ticketsOf(m).find((t) => t.backfill);
  return {
    roles,
    ...(slot?.backfill ? { backfill: { ...slot.backfill, ticketId: slot.id } } : {}),
  };
}

/** A match the matchmaker proposes: tickets team by team (dungeon and raid: one team). */
export interface ProposedMatch {
  teams: QueueTicket[][];
}
