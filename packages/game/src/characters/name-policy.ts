/**
 * Character-name rules beyond the shape CharacterNameSchema checks: reserved
 * names (staff, system words, NPCs; compared case-insensitively with hyphens
 * ignored, so "Ad-Min" is "admin") and offensive words (obscenity's English
 * dataset, whose transformers also see through leetspeak and separators).
 */
import { RESERVED_NAMES } from '@necp/shared';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

const squash = (name: string) => name.toLowerCase().replace(/-/g, '');

const reserved = new Set(RESERVED_NAMES.map(squash));

// Built once: the matcher is immutable configuration, not state.
const profanity = new RegExpMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
});

/** Unique key of a name: nameLower in the database (hyphens count: "Jo-Ann" and "JoAnn" are two names). */
export const nameKey = (name: string) => name.toLowerCase();

/** A player-facing reason the name is refused, or null if it is allowed. */
export function nameRefusal(name: string): string | null {
  if (reserved.has(squash(name))) return 'That name is reserved';
  if (profanity.hasMatch(name) || profanity.hasMatch(squash(name)))
    return 'That name is not allowed';
  return null;
}
