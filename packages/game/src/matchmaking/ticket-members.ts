/**
 * Who a queue request puts in a ticket: the caller alone, or — when the caller
 * leads a party and the queue takes parties — the whole party, with the roles the
 * leader chose and the members' ratings in the bracket.
 */
import {
  DEFAULT_GLICKO2_RATING,
  QUEUE_SPECS,
  rolesFit,
  type GroupRole,
  type JoinQueueInput,
  type QueueSpec,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { getLiveCharacter } from '../characters/get-owned-character';
import { partyOf } from '../party/party-view';
import { currentSeason } from '../seasons/current-season';
import type { TicketMember } from './tickets';

type Person = { characterId: string; name: string; level: number };

async function people(
  deps: Pick<GameDeps, 'db'>,
  characterId: string,
  spec: QueueSpec,
): Promise<{ partyId: string | null; people: Person[] }> {
  // a 1v1 is always fought alone, party or not
  const party = spec.maxParty > 1 ? await partyOf(deps, characterId) : null;
  if (party) {
    if (party.leaderId !== characterId)
      throw new DomainError(
        'FORBIDDEN',
        'not leader',
        'Only the party leader can queue the party.',
      );
    if (party.members.length > spec.maxParty)
      throw new DomainError(
        'VALIDATION',
        'party too big',
        `Parties of at most ${spec.maxParty} can queue for this.`,
      );
    const members = party.members.map((m) => ({ characterId: m.id, name: m.name, level: m.level }));
    return { partyId: party.id, people: members };
  }
  const me = await getLiveCharacter(deps, characterId, { id: true, name: true, level: true });
  return { partyId: null, people: [{ characterId: me.id, name: me.name, level: me.level }] };
}

function rolesFor(
  characterId: string,
  input: Extract<JoinQueueInput, { role: GroupRole }>,
  members: readonly Person[],
  composition: Record<GroupRole, number>,
): Map<string, GroupRole> {
  const roles = new Map<string, GroupRole>([[characterId, input.role]]);
  for (const [id, role] of Object.entries(input.partyRoles ?? {})) {
    if (id === characterId || !members.some((m) => m.characterId === id))
      throw new DomainError(
        'VALIDATION',
        'role for non-member',
        'Roles are for your party members.',
      );
    roles.set(id, role);
  }
  for (const m of members)
    if (!roles.has(m.characterId))
      throw new DomainError('VALIDATION', 'role missing', `Choose a role for ${m.name}.`);
  if (!rolesFit([...roles.values()], composition))
    throw new DomainError(
      'VALIDATION',
      'roles do not fit',
      `A group has ${composition.tank} tank, ${composition.support} support and ${composition.damage} damage: your party's roles do not fit.`,
    );
  return roles;
}

export async function ticketMembers(
  deps: Pick<GameDeps, 'db'>,
  characterId: string,
  input: JoinQueueInput,
  queue: keyof typeof QUEUE_SPECS,
): Promise<{ partyId: string | null; members: TicketMember[] }> {
  const spec = QUEUE_SPECS[queue];
  const { partyId, people: list } = await people(deps, characterId, spec);
  if (spec.kind !== 'arena') {
    if (input.queue === 'arena') throw new Error('group queue with an arena request');
    if (input.premade && partyId === null)
      throw new DomainError(
        'VALIDATION',
        'premade without a party',
        'Only a party can go in without others filling the group.',
      );
    const roles = rolesFor(characterId, input, list, spec.composition);
    return {
      partyId,
      members: list.map((p) => ({ ...p, role: roles.get(p.characterId)!, rating: null })),
    };
  }
  const rows = await deps.db.arenaRating.findMany({
    where: {
      characterId: { in: list.map((p) => p.characterId) },
      bracket: spec.bracket,
      season: (await currentSeason(deps.db)).key,
    },
    select: { characterId: true, rating: true },
  });
  const rating = (id: string) =>
    rows.find((r) => r.characterId === id)?.rating ?? DEFAULT_GLICKO2_RATING.rating;
  return {
    partyId,
    members: list.map((p) => ({ ...p, role: null, rating: rating(p.characterId) })),
  };
}
