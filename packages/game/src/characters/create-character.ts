import {
  CreateCharacterInputSchema,
  MAX_CHARACTERS_PER_ACCOUNT,
  STARTING_ZONE_ID,
  maxHealthFor,
  startingAttributes,
  zoneById,
  type CharacterSummary,
  type CreateCharacterInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { accountNotFound, DomainError } from '../core/errors';
import { isUniqueViolation, parseInput } from '../core/validation';
import { lockAccountRow } from '../core/row-locks';
import { countLiveCharacters } from './live-characters';
import { toCharacterSummary } from './character-summary';
import { nameKey, nameRefusal } from './name-policy';
import { purgeExpiredCharacters } from './purge-expired-characters';
import { grantStarterKit } from './starter-kit';
import { startQuestsGivenAtCreationTx } from '../quests/given-at-creation';
import { newLedgerRef } from '../ledger/ref';
import { publishCharacterLifecycle } from './character-events';
import { inTransaction } from '../core/transaction';

export type CreateCharacterArgs = CreateCharacterInput & { userId: string };

export const characterLimitReached = () =>
  new DomainError(
    'INVALID_STATE',
    'live character limit reached',
    `You already have ${MAX_CHARACTERS_PER_ACCOUNT} characters. Delete one to make room.`,
  );

function startingPosition(): { zoneId: string; x: number; y: number } {
  const start = zoneById(STARTING_ZONE_ID)?.spawnPoints.find((s) => s.kind === 'player_start');
  if (!start) throw new Error(`content: zone ${STARTING_ZONE_ID} has no player_start`);
  return { zoneId: STARTING_ZONE_ID, x: start.x, y: start.y };
}

/**
 * Creates a level-1 character at the starting zone's player_start. The name must
 * pass CharacterNameSchema, not be reserved or offensive, and be free among all
 * characters including soft-deleted ones (their names stay reserved until purged).
 * The character arrives wearing its class's starter kit.
 */
export async function createCharacter(
  deps: GameDeps,
  args: CreateCharacterArgs,
): Promise<CharacterSummary> {
  const input = parseInput(CreateCharacterInputSchema, {
    name: args.name,
    origin: args.origin,
    class: args.class,
  });
  const refusal = nameRefusal(input.name);
  if (refusal) throw new DomainError('VALIDATION', `name refused: ${input.name}`, refusal);

  const key = nameKey(input.name);
  await purgeExpiredCharacters(deps, { nameKey: key });

  const attrs = startingAttributes(input.origin, input.class);
  const maxHealth = maxHealthFor(attrs, 1);
  try {
    const row = await inTransaction(deps.db, async (tx) => {
      if (!(await lockAccountRow(tx, args.userId))) throw accountNotFound(args.userId);
      if ((await countLiveCharacters(tx, args.userId)) >= MAX_CHARACTERS_PER_ACCOUNT)
        throw characterLimitReached();
      const created = await tx.character.create({
        data: {
          userId: args.userId,
          name: input.name,
          nameLower: key,
          origin: input.origin,
          class: input.class,
          ...attrs,
          health: maxHealth,
          maxHealth,
          ...startingPosition(),
        },
      });
      await grantStarterKit(tx, created.id, input.class, newLedgerRef());
      // the welcome quest: Regina's first ten minutes (quests/given-at-creation.ts)
      await startQuestsGivenAtCreationTx(tx, created, deps.clock.now());
      await publishCharacterLifecycle(tx, {
        type: 'character.created',
        characterId: created.id,
        userId: args.userId,
      });
      return created;
    });
    return toCharacterSummary(row);
  } catch (e) {
    if (isUniqueViolation(e))
      throw new DomainError('CONFLICT', `name ${key} taken`, 'That name is taken');
    throw e;
  }
}
