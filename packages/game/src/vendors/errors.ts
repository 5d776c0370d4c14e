import type { Contact, ReputationTier, Vendor } from '@necp/shared';
import { DomainError } from '../core/errors';

export const notAVendor = (contact: Pick<Contact, 'id' | 'name'>) =>
  new DomainError(
    'INVALID_STATE',
    `contact ${contact.id} has no vendor`,
    `${contact.name} doesn't trade`,
  );

export const refusesToTrade = (contact: Pick<Contact, 'id' | 'name'>) =>
  new DomainError(
    'FORBIDDEN',
    `hostile standing with the faction of contact ${contact.id}`,
    `${contact.name} won't trade with you`,
  );

export const notSoldHere = (vendor: Vendor, templateId: string) =>
  new DomainError(
    'NOT_FOUND',
    `vendor ${vendor.id} does not sell ${templateId}`,
    `${vendor.name} doesn't sell that`,
  );

export const standingTooLow = (vendor: Vendor, tier: ReputationTier, factionName: string) =>
  new DomainError(
    'FORBIDDEN',
    `vendor ${vendor.id}: needs ${tier} standing`,
    `${vendor.name} sells that only at ${tier[0]!.toUpperCase()}${tier.slice(1)} standing with ${factionName}`,
  );

export const priceChanged = () =>
  new DomainError('CONFLICT', 'unit price differs from expectedPrice', 'The price changed');

export const soldOut = (left: number) =>
  left <= 0
    ? new DomainError('INVALID_STATE', 'daily stock sold out', 'Sold out for today')
    : new DomainError(
        'INVALID_STATE',
        `only ${left} left of the daily stock`,
        `Only ${left} left today`,
      );

export const questItemNotSold = () =>
  new DomainError('INVALID_STATE', 'quest items cannot be sold', "Quest items can't be sold");

export const doesNotBuy = (vendor: Vendor, kind: string) =>
  new DomainError(
    'INVALID_STATE',
    `vendor ${vendor.id} does not buy ${kind}`,
    `${vendor.name} doesn't buy that`,
  );
