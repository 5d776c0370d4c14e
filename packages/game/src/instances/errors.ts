import { DomainError } from '../core/errors';

/** instance:leave from someone who is not (any more) in an instance. */
export const notInInstance = () =>
  new DomainError('INVALID_STATE', 'not in an instance', 'You are not in an instance.');
