import { DomainError } from '../core/errors';

export const itemNotFound = (itemId: string) =>
  new DomainError('NOT_FOUND', `item ${itemId} not found for this character`, 'Item not found');
export const bagFull = () => new DomainError('INVALID_STATE', 'bag full', 'Your bag is full');
export const bankFull = () => new DomainError('INVALID_STATE', 'bank full', 'Your bank is full');
export const slotTaken = () =>
  new DomainError('INVALID_STATE', 'target slot taken', 'That slot is taken');
export const noSuchSlot = (slot: number) =>
  new DomainError('VALIDATION', `slot ${slot} out of range`, 'That slot does not exist');
export const unequipFirst = () =>
  new DomainError('INVALID_STATE', 'item is equipped', 'Unequip that item first');
export const notEnoughItems = () =>
  new DomainError('VALIDATION', 'quantity exceeds stack', "You don't have that many");
