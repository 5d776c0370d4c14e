import { DomainError } from '../core/errors';

/** Not a craft of yours (or none): NOT_FOUND, never telling others' crafts exist. */
export const craftNotFound = () =>
  new DomainError('NOT_FOUND', 'craft not found for this character', 'That craft is gone.');
export const recipeNotFound = (recipeId: string) =>
  new DomainError('NOT_FOUND', `recipe ${recipeId} not found`, 'Unknown recipe.');
export const notAtStation = () =>
  new DomainError(
    'FORBIDDEN',
    'not within range of a crafting station',
    'You need to be at a crafting station',
  );
export const skillTooLow = (discipline: string, need: number) =>
  new DomainError(
    'INVALID_STATE',
    `${discipline} skill below ${need}`,
    `You need ${discipline} ${need} for that recipe.`,
  );
export const levelTooLow = (need: number) =>
  new DomainError(
    'INVALID_STATE',
    `level below ${need}`,
    `You need level ${need} for that recipe.`,
  );
export const missingInputs = (what: string) =>
  new DomainError('INVALID_STATE', `missing inputs: ${what}`, `You are missing ${what}.`);
export const alreadyCrafting = () =>
  new DomainError('INVALID_STATE', 'a craft is casting', 'You are already crafting something.');
export const stillCrafting = () =>
  new DomainError('INVALID_STATE', 'cast not complete', 'Still crafting…');
export const craftCancelled = () =>
  new DomainError('INVALID_STATE', 'craft was cancelled', 'That craft was cancelled.');
export const craftFinished = () =>
  new DomainError('INVALID_STATE', 'craft is done', 'That craft is already finished.');
export const notSalvageable = (why: string) => new DomainError('INVALID_STATE', why, why);
