import { DomainError } from '../core/errors';

export const notInParty = () =>
  new DomainError('INVALID_STATE', 'no party', 'You are not in a party.');
export const leaderOnly = () =>
  new DomainError('FORBIDDEN', 'not leader', 'Only the party leader can do that.');
export const inviteGone = () =>
  new DomainError('NOT_FOUND', 'invite gone', 'That invitation is no longer valid.');
