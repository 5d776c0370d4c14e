/**
 * Names no player may take (compared case-insensitively, hyphens ignored):
 * staff impersonation, system words, and the game's own NPC names.
 */
export const RESERVED_NAMES: readonly string[] = [
  'admin',
  'administrator',
  'moderator',
  'mod',
  'gm',
  'gamemaster',
  'staff',
  'support',
  'system',
  'server',
  'necp',
  'official',
  'root',
  'null',
  'undefined',
  'anonymous',
  'nobody',
  'everyone',
  'console',
  'bot',
  'npc',
  'arasaka',
  'militech',
  'maelstrom',
  'valentinos',
  'tygerclaws',
  'ncpd',
];
