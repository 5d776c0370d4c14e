/**
 * Need/greed rolls on a party's drops and the leader's assignments (docs/social.md,
 * "Loot modes"). A rolled drop holds `rollUntil` and one LootRoll row per sharer;
 * it is decided once, under the drop's row lock, when the last sharer answers or
 * when its time is up (the zone's sweep; unanswered counts as a pass). The numbers
 * come from a stream seeded by the drop's id, drawn in character-id order, so a
 * decision replays to the same rolls.
 */
import {
  emitTo,
  toCharacters,
  LootAssignInputSchema,
  LootRollInputSchema,
  rollWinner,
  type LootChoice,
  type Push,
  type RollEntry,
} from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { seededStream } from '../core/rng';
import { dropGone } from './pickup-drop';
import { dropInclude, toZoneDrop, type ZoneDrop } from './zone-drop';
import { inTransaction } from '../core/transaction';

export interface LootRollOutcome {
  /** the drop as it lies now: its winner owns it (null: everyone passed, anyone's) */
  drop: ZoneDrop;
  partyId: string;
  winnerId: string | null;
  rolls: (RollEntry & { name: string })[];
}

const noRoll = () => new DomainError('NOT_FOUND', 'no roll', 'There is no roll for you on that.');

async function lockDrop(tx: Tx, dropId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "WorldDrop" WHERE "id" = ${dropId} FOR UPDATE`;
  if (locked.length === 0) throw dropGone();
  return tx.worldDrop.findUniqueOrThrow({ where: { id: dropId }, include: dropInclude });
}

/** Draws the numbers and hands the drop to the winner (inside the drop's lock). */
async function decide(tx: Tx, dropId: string, partyId: string): Promise<LootRollOutcome> {
  const rows = await tx.lootRoll.findMany({
    where: { dropId },
    orderBy: { characterId: 'asc' },
  });
  const names = new Map(
    (
      await tx.character.findMany({
        where: { id: { in: rows.map((r) => r.characterId) } },
        select: { id: true, name: true },
      })
    ).map((c) => [c.id, c.name]),
  );
  const rng = seededStream(0, `loot-roll:${dropId}`);
  const rolls = rows.map((r) => {
    const choice = r.choice === null ? null : closedSet.LootRoll.choice.parse(r.choice);
    const roll = choice === 'need' || choice === 'greed' ? rng.int(1, 100) : null;
    return { characterId: r.characterId, choice, roll, name: names.get(r.characterId) ?? '?' };
  });
  for (const r of rolls)
    await tx.lootRoll.update({
      where: { dropId_characterId: { dropId, characterId: r.characterId } },
      data: { roll: r.roll, choice: r.choice ?? 'pass' },
    });
  const winnerId = rollWinner(rolls);
  const row = await tx.worldDrop.update({
    where: { id: dropId },
    // the winner alone until freeAt; nobody won: anyone's at once
    data: winnerId
      ? { ownerCharacterId: winnerId, partyId: null, rollUntil: null }
      : { ownerCharacterId: null, partyId: null, rollUntil: null, freeAt: new Date(0) },
    include: dropInclude,
  });
  return { drop: toZoneDrop(row), partyId, winnerId, rolls };
}

/** A sharer answers; the last answer decides the roll (returned then, else null). */
export async function chooseLootRoll(
  deps: Pick<GameDeps, 'db'>,
  raw: { characterId: string; dropId: string; choice: LootChoice },
): Promise<LootRollOutcome | null> {
  const input = parseInput(LootRollInputSchema, raw);
  return inTransaction(deps.db, async (tx) => {
    const drop = await lockDrop(tx, input.dropId);
    if (drop.rollUntil === null || drop.partyId === null) throw noRoll();
    const mine = await tx.lootRoll.updateMany({
      where: { dropId: input.dropId, characterId: input.characterId, choice: null },
      data: { choice: input.choice },
    });
    if (mine.count === 0) {
      const had = await tx.lootRoll.findUnique({
        where: { dropId_characterId: { dropId: input.dropId, characterId: input.characterId } },
      });
      if (!had) throw noRoll();
      throw new DomainError('CONFLICT', 'already chose', 'You already chose for that.');
    }
    const open = await tx.lootRoll.count({ where: { dropId: input.dropId, choice: null } });
    return open === 0 ? decide(tx, input.dropId, drop.partyId) : null;
  });
}

/** The zone's rolls whose time is up, decided (each once, whichever process asks). */
export async function decideDueLootRolls(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: { zoneId: string },
): Promise<LootRollOutcome[]> {
  const due = await deps.db.worldDrop.findMany({
    where: { zoneId: input.zoneId, rollUntil: { lte: deps.clock.now() } },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: 100,
  });
  const out: LootRollOutcome[] = [];
  for (const { id } of due) {
    const outcome = await inTransaction(deps.db, async (tx) => {
      const drop = await lockDrop(tx, id).catch(() => null);
      // decided meanwhile (the last answer) or picked up: nothing to do
      if (!drop || drop.rollUntil === null || drop.partyId === null) return null;
      if (drop.rollUntil.getTime() > deps.clock.ms()) return null;
      return decide(tx, id, drop.partyId);
    });
    if (outcome) out.push(outcome);
  }
  return out;
}

/**
 * Leader mode: the leader gives a drop it holds (above the threshold) to a member; the
 * member is told who gave what.
 */
export async function assignLoot(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  raw: { characterId: string; dropId: string; memberId: string },
): Promise<{ drop: ZoneDrop; pushes: Push[] }> {
  const input = parseInput(LootAssignInputSchema, raw);
  return inTransaction(deps.db, async (tx) => {
    const drop = await lockDrop(tx, input.dropId);
    const now = deps.clock.ms();
    if (drop.ownerCharacterId !== input.characterId || drop.freeAt.getTime() <= now)
      throw new DomainError('FORBIDDEN', 'not holder', 'That is not yours to give.');
    const [me, them] = await Promise.all([
      tx.partyMember.findUnique({
        where: { characterId: input.characterId },
        include: { party: true, character: { select: { name: true } } },
      }),
      tx.partyMember.findUnique({ where: { characterId: input.memberId } }),
    ]);
    if (!me || me.party.leaderId !== input.characterId || me.party.lootMode !== 'leader')
      throw new DomainError('FORBIDDEN', 'not leader', 'Only the party leader gives loot.');
    if (!them || them.partyId !== me.partyId)
      throw new DomainError('NOT_FOUND', 'not a member', 'That character is not in your party.');
    const row = await tx.worldDrop.update({
      where: { id: drop.id },
      data: { ownerCharacterId: input.memberId },
      include: dropInclude,
    });
    const given = toZoneDrop(row);
    const from = me.character.name;
    const told = { dropId: given.id, name: given.name, from };
    return { drop: given, pushes: [emitTo(toCharacters(input.memberId), 'loot:given', told)] };
  });
}
