/**
 * Which public pages an outbox event changes (docs/leaderboards.md, "Caching and
 * revalidation"), pure: `pageChangeOf` says what an event touches (boards, characters,
 * a match's players, an account's characters, guilds) — the subscriber reads the names,
 * classes and tags of those ids — and `publicPagePaths` turns that into the paths Next
 * caches the pages under. A board's first page is revalidated (of every class and of the
 * classes of the characters concerned) and the index's top tens; a deeper page shows a
 * change within its minute (revalidate = 60) like before.
 */
import {
  ARENA_BOARD_BRACKET,
  CLASS_IDS,
  LEADERBOARD_KEYS,
  LEADERBOARDS,
  LEADERBOARDS_INDEX_PATH,
  boardPagePath,
  guildPagePath,
  playerPagePath,
  type ClassId,
  type LeaderboardKey,
} from '@necp/shared';
import type { OutboxEvent, OutboxEventType } from '../outbox/events';

/** What one event touches, by id (the subscriber resolves the ids). */
export interface PageChangeQuery {
  /** boards whose first pages change; 'every': every board, every class (a season end) */
  boards: readonly LeaderboardKey[] | 'every';
  /** characters whose profiles change (and their class's first board pages) */
  characterIds: readonly string[];
  /** an arena match: its players too (a draw's event names nobody) */
  matchId?: string;
  /** an account: its characters too (a ban, an unban) */
  userId?: string;
  /** guilds whose pages change */
  guildIds: readonly string[];
  /** also the pages of the guilds these characters are in (a level counts in the guild's rating) */
  guildsOfCharacters?: boolean;
}

/** What the subscriber read for a query. */
export interface PageChange {
  boards: readonly LeaderboardKey[] | 'every';
  players: readonly { name: string; class: ClassId }[];
  guildTags: readonly string[];
}

const CHARACTER_BOARDS = LEADERBOARD_KEYS.filter((k) => LEADERBOARDS[k].subject === 'character');
const arenaBoardOf = (bracket: string) =>
  LEADERBOARD_KEYS.filter((k) => ARENA_BOARD_BRACKET[k] === bracket);

/** The event types that change a public page (the subscriber's types). */
export const PUBLIC_PAGE_EVENT_TYPES = [
  'arena.match_finished',
  'achievement.earned',
  'character.leveled',
  'character.created',
  'character.deleted',
  'character.restored',
  'character.title_changed',
  'account.access_changed',
  'guild.member_joined',
  'guild.member_left',
  'guild.disbanded',
  'season.ended',
  'guild.renown_credited',
] as const satisfies readonly OutboxEventType[];

const none = { characterIds: [], guildIds: [] } as const;

/**
 * What an event changes on the public pages; null: nothing. XP from kills and quests
 * (the level board's tie-break) and eddies (the wealth board, fed by the minute job)
 * are left to the pages' minute: they change all the time.
 */
export function pageChangeOf(event: OutboxEvent): PageChangeQuery | null {
  switch (event.type) {
    case 'arena.match_finished': {
      const p = event.payload;
      return {
        ...none,
        boards: arenaBoardOf(p.bracket),
        characterIds: [...p.winners, ...p.losers],
        matchId: p.matchId,
      };
    }
    case 'achievement.earned':
      return { ...none, boards: ['achievements'], characterIds: [event.payload.characterId] };
    case 'character.leveled':
      return {
        ...none,
        boards: ['level', 'guilds'],
        characterIds: [event.payload.characterId],
        guildsOfCharacters: true,
      };
    case 'character.created':
      return { ...none, boards: CHARACTER_BOARDS, characterIds: [event.payload.characterId] };
    case 'character.deleted':
    case 'character.restored':
      return {
        ...none,
        boards: LEADERBOARD_KEYS,
        characterIds: [event.payload.characterId],
        guildsOfCharacters: true,
      };
    case 'character.title_changed':
      return { ...none, boards: [], characterIds: [event.payload.characterId] };
    case 'account.access_changed': {
      const p = event.payload;
      if (p.reason !== 'ban' && p.reason !== 'unban') return null;
      return { ...none, boards: LEADERBOARD_KEYS, userId: p.userId, guildsOfCharacters: true };
    }
    case 'guild.member_joined':
    case 'guild.member_left':
      return {
        boards: ['guilds', 'guild-renown'],
        characterIds: [event.payload.characterId],
        guildIds: [event.payload.guildId],
      };
    case 'guild.disbanded':
      // the guild row is gone with it (no tag to name its page): that page expires in its minute
      return {
        boards: ['guilds', 'guild-renown'],
        characterIds: event.payload.memberIds,
        guildIds: [event.payload.guildId],
      };
    case 'season.ended':
      return { ...none, boards: 'every' };
    case 'guild.renown_credited':
      // the renown board and the guild's page (it shows the season's renown)
      return { ...none, boards: ['guild-renown'], guildIds: [event.payload.guildId] };
    default:
      return null;
  }
}

/**
 * The cached paths of the pages a change touches, each once: the first page of each
 * board (every class, and the class of each character concerned), the index when any
 * board changed, each character's profile and each guild's page.
 */
export function publicPagePaths(change: PageChange): string[] {
  const paths = new Set<string>();
  const every = change.boards === 'every';
  const boards: readonly LeaderboardKey[] =
    change.boards === 'every' ? LEADERBOARD_KEYS : change.boards;
  const classes = every ? CLASS_IDS : [...new Set(change.players.map((p) => p.class))];
  if (boards.length > 0) paths.add(LEADERBOARDS_INDEX_PATH);
  for (const board of boards) {
    paths.add(boardPagePath(board));
    if (!LEADERBOARDS[board].byClass) continue;
    for (const cls of classes) paths.add(boardPagePath(board, cls));
  }
  for (const p of change.players) paths.add(playerPagePath(p.name));
  for (const tag of change.guildTags) paths.add(guildPagePath(tag));
  return [...paths];
}
