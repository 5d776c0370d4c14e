import { CONTRACTS_POSTED_MAX, CONTRACTS_TAKEN_MAX, type ContractState } from '@necp/shared';
import { DomainError } from '../core/errors';

export const contractNotFound = () =>
  new DomainError('NOT_FOUND', 'contract not found', 'That contract is gone.');
export const contractNotNow = (state: ContractState) =>
  new DomainError('INVALID_STATE', `contract is ${state}`, `That contract is ${state} now.`);
export const notYourContract = () =>
  new DomainError('FORBIDDEN', 'not a party allowed to do that', 'That is not yours to do.');
export const ownContract = () =>
  new DomainError(
    'FORBIDDEN',
    'taking a contract of your own account',
    'You cannot take a contract posted from your own account.',
  );
export const tooManyPosted = () =>
  new DomainError(
    'INVALID_STATE',
    'posted contract cap reached',
    `You have ${CONTRACTS_POSTED_MAX} contracts running: finish or cancel one first.`,
  );
export const tooManyTaken = () =>
  new DomainError(
    'INVALID_STATE',
    'taken contract cap reached',
    `You have taken ${CONTRACTS_TAKEN_MAX} contracts: deliver one first.`,
  );
export const unknownTarget = (what: string) =>
  new DomainError('VALIDATION', `unknown contract target ${what}`, `There is no such ${what}.`);
export const badTerms = (why: string) => new DomainError('VALIDATION', why, why);
export const notEnoughToDeliver = (have: number, need: number) =>
  new DomainError(
    'INVALID_STATE',
    'not enough to deliver',
    `You have ${have} of the ${need} asked, free in your bag.`,
  );
export const notDoneYet = (done: number, need: number) =>
  new DomainError(
    'INVALID_STATE',
    'contract not fulfilled',
    `Only ${done} of ${need} done since you took it.`,
  );
export const conflictOfInterest = () =>
  new DomainError(
    'FORBIDDEN',
    'moderator related to a party',
    'You cannot rule on this case: you are a party to it, or share a device or an address with one.',
  );
export const alreadyRated = () =>
  new DomainError('CONFLICT', 'already rated', 'You have rated this contract already.');
export const evidenceFull = () =>
  new DomainError('INVALID_STATE', 'evidence cap reached', 'This case holds all it can.');
