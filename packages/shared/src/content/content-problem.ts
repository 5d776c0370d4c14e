/** One thing wrong in the content data, as the content checks report it. */
export interface ContentProblem {
  kind:
    | 'item'
    | 'loot'
    | 'skill'
    | 'zone'
    | 'npc'
    | 'ability'
    | 'effect'
    | 'class'
    | 'faction'
    | 'contact'
    | 'dialogue'
    | 'quest'
    | 'vendor'
    | 'recipe'
    | 'salvage';
  /** id of the offending object (or `#<index>` when it has none) */
  id: string;
  message: string;
}
