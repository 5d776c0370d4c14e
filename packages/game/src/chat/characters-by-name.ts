import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';

/** A live character by its name (case-insensitive), or NOT_FOUND naming it. */
export async function characterByName(
  deps: Pick<GameDeps, 'db'>,
  name: string,
): Promise<{ id: string; name: string; userId: string }> {
  const c = await deps.db.character.findFirst({
    where: { nameLower: name.toLowerCase(), deletedAt: null },
    select: { id: true, name: true, userId: true },
  });
  if (!c)
    throw new DomainError(
      'NOT_FOUND',
      `character ${name} not found`,
      `No character is called “${name}”.`,
    );
  return c;
}
