/** Inputs and views of the reputation procedures (tRPC). */
import type { ReputationTier } from '../rules/reputation';
import { CharacterIdInputSchema } from './character';

export interface ReputationChangeView {
  factionId: string;
  factionName: string;
  delta: number;
  standing: number;
  tier: ReputationTier;
  /** the tier changed with this change */
  tierChanged: boolean;
}

export interface FactionStandingView {
  factionId: string;
  name: string;
  blurb: string;
  standing: number;
  tier: ReputationTier;
  /** standing into the tier, its width, and what is left to the next */
  into: number;
  span: number;
  toNext: number;
  /** vendor price factor at this tier (null: they refuse to trade) */
  priceMultiplier: number | null;
  rivals: { factionId: string; name: string }[];
  /** the character has any history with it (a row exists) */
  met: boolean;
}

export const ReputationListInputSchema = CharacterIdInputSchema;
