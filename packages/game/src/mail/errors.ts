import { DomainError } from '../core/errors';

export const mailNotFound = () =>
  new DomainError('NOT_FOUND', 'mail not found', 'That mail is no longer there.');
export const mailToSelf = () =>
  new DomainError('VALIDATION', 'mail to self', 'You cannot mail yourself.');
export const mailboxFull = (name: string, max: number) =>
  new DomainError('CONFLICT', 'mailbox full', `${name}’s mailbox is full (${max}).`);
export const boundItemMailed = () =>
  new DomainError('INVALID_STATE', 'bound item', 'Bound items cannot be mailed.');
export const codDue = () =>
  new DomainError('INVALID_STATE', 'cod unpaid', 'Pay the cash on delivery first.');
export const noCodDue = () =>
  new DomainError('INVALID_STATE', 'no cod due', 'Nothing is due on that mail.');
export const noMailItem = () =>
  new DomainError('NOT_FOUND', 'attachment gone', 'That item is no longer in the mail.');
export const noMailEddies = () =>
  new DomainError('INVALID_STATE', 'no eddies', 'There are no eddies in that mail.');
export const mailNotEmpty = () =>
  new DomainError('INVALID_STATE', 'mail not empty', 'Take what the mail holds first.');
export const cannotReturn = () =>
  new DomainError('INVALID_STATE', 'not returnable', 'Only mail from a player can be returned.');
export const notAtMailTerminal = () =>
  new DomainError(
    'FORBIDDEN',
    'not within range of a mail terminal',
    'You need to be at a mail terminal',
  );
